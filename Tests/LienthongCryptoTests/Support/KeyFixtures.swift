/// Keys made once with the `openssl` command line (3.0) for the forms the tests cannot produce
/// through the module's own API (traditional encodings, refused key types).
enum KeyFixtures {
    static let passphrase = "correct-horse"

    /// A traditional `EC PRIVATE KEY` (SEC 1) on P-256.
    static let ecTraditional = """
    -----BEGIN EC PRIVATE KEY-----
    MHcCAQEEIE+hQraouLKUQYGRyVdh+WuYBtHY4adOEvi/9xgelIuUoAoGCCqGSM49
    AwEHoUQDQgAEJCzbV8z2DhxT+aHS8JrkKNu4Ik0rFTwAEbh91yozjfmwsEtlS4ke
    fB+HNVSedo/ADEDEruQhrbofCf51/K/xqA==
    -----END EC PRIVATE KEY-----
    """

    /// The same form, encrypted with AES-256-CBC under `correct-horse`.
    static let ecTraditionalEncrypted = """
    -----BEGIN EC PRIVATE KEY-----
    Proc-Type: 4,ENCRYPTED
    DEK-Info: AES-256-CBC,51C314656DF066317CA7A4E5F16EA2AD
    
    8kVyt/9ZwA8VWi1/IcAewzDHFQWjfWJ/o/tvBFs05oHnaZyceOcZSMA6upWoRsbW
    j01CFmRBXZeD1iM+eCpbdqD6AIPqBwoxeVdLYSRukOy8pc0Xv/6ap/L0+TPkQbtc
    c2Gtqe/Wefi2ZSyqFRgBl5Q2s2/OdOG1ab3OUAQ1fJA=
    -----END EC PRIVATE KEY-----
    """

    /// A traditional `RSA PRIVATE KEY` (PKCS#1), 2048 bits.
    static let rsaTraditional = """
    -----BEGIN RSA PRIVATE KEY-----
    MIIEpAIBAAKCAQEAnW9uaHobOh8XXUSRsjuwvV3tB+ya9z1/bHU/RGEq8daom6IV
    +SZLH1wjk6sp9GQcaHvzpcGtlhNdUWyiB10p1DNDxTI09tSaQgp+tSUQVy23iBdA
    sILKLSZ85FVaC6S+hAbnyJWjTsnh6ZALspSiJcMl2IatRKdzYOrHK7Joo32mQzdX
    IqgGkplmK7mX6ZBHiUhTPYjmWrwY0LT87kiLiFc4Mrpa395l/R/Xtu5LLZ3nDiKW
    7nD/rS+A0ik6D02BeXpuYhQMbPNz5QBFVlo0BEx4KqcyX2Py23or09X0fNT5IqP8
    4t+KO4c1alDRwkkm62swLkJZ8MwE4b+2x3Pn+QIDAQABAoIBAERQRWrNTUIvmo5M
    giICN6M7/e3Z07Zjt4aC68SKmz1cJUZ/EyTM4n0FmKRreaWDyTXnTyaGP4Hm/i+m
    QTqLyOo8onQPYJ8YSqVMc4W7wvbpLgG+AUJ2Ri9IS5oylQOHZWnZqzrE/5thC4ez
    Cvhe+WsEXkgxzD6FoJGV3n3OCQyje0Yqy7KUM/K3wbGjzO9mbXQbim70OfMbA76L
    m1QzQ3LKpocUQGP5V6zDKuEk5kMJU0pQasoJwuRyyLVSXMSQ9i1sOt6Xb0Tf8S1X
    uQipf0qeqWlyr/mF5gqhg64CVgeOzBpGmgX078k8XsxMyWIoyRvNywInsTXWGAn2
    5dKv0scCgYEAyjSQKSosThuvDibnQAa8H5rRj5KyTWwtmzGs9XR7bCk+PDQOFQs0
    fNNUjCLwrc5SQIrJaom2Gxm22R5GuDqeB12um4MaR2t405rN8loB+dzEx6mqwWv5
    b7N2hqEssfWyjMx4NmEiIsXwRg5n9RVMWVGzdZUwdiXoaNUbPDf0UUMCgYEAx1HA
    E4zhgz6GF3XjqbEUTpUFy53HdggnmND6Ff+BbR0scbk2xr/JF9NAvuFDVm0vY7zu
    +4jRxKE/YbbRobjDWN53DUiKrLg1TeK56XDD6XCNQc2GwZTmDIVEexgq5UsGGvcP
    mbBXEKGveYTK1olmej5p7dkQkC4Lqn0GyN/YoBMCgYEAqvQlrafqLV9acSyS9p67
    Dj1mT2xHMw3ywPMOt7bzYk68P0oDXedLSP2izZf8w/VbtRWhlGE5hVAINyhRwhBM
    6w1ZQkFlRlymmsCWvf87DHSKKgRYSY9wI/AmlUxO7WY8vq1gNRmKMrwGmDQ10A9h
    rWJVx2OKxVjnVTpW/GKSPOECgYEAr5ELzmy2q4NkW7/k1DD9gSZ032DQM+CE+G+D
    CeNwnqsm3dlWLYT7Xbgf/MKxLKyqJIFkRD3FAB1Elg6R4pC7yUjTtuih9fegREWk
    msJQXwxb8I1X2KYOaRLuOjsUdbo623+pxydz2VuCFFjqzkRi9uSJLA+aLlXQwtC0
    LDY4Ou8CgYACAHAUAl+yjLuPdWjbHntr6W72TMZscMTjQpvt7+ls4wZ4Uijytwc+
    9ButC+oI5OzNbjQydFHSNMk0nUkl4kPkpjBUtIW/DTnZopgtEDDYcc/Xf0a6r0E0
    y5qQfLOGE8xpFWbLHddE3SjpiAVDlw/flXFW2BBqAkaB02OtiWrzHA==
    -----END RSA PRIVATE KEY-----
    """

    /// The same form, encrypted with AES-256-CBC under `correct-horse`.
    static let rsaTraditionalEncrypted = """
    -----BEGIN RSA PRIVATE KEY-----
    Proc-Type: 4,ENCRYPTED
    DEK-Info: AES-256-CBC,14D89EF7917A8CB6DDDFC5AAE89AFCE2
    
    Zk7CqeX1ZOtpSiC8SCJjiRZo/lhP3bJD7ngy4BOW1SDtatBZc1S7xtyoBmhwmwmx
    VT9XH53GFb5PclpGAQ8jnJUyUQFffNibqEg2nTEizURxns7V7ZjxByTuQb9jEvCh
    7nS7pTn1KhnrORzrwR5qo6uMy1YCjOz9VZz80ZZsRd07Si/bAozEjiH4DZ3P+CY9
    gZX6TiGgysvI+K0CZTZnz+ifcz2RyI0IFzxEjD9XR+d9WLvcznVhdiEtQStISLzD
    2Evcak5zV+du4px1jsRzWFX+ozNMO+L75JYPngrcYdd12mYNhgKQgq2PqdA16zjm
    vZxY3N0QEruuwAdBAGTbCQ3M2QhP3OzPVgaAbT62dgKbMy8w/YiKe0xHJ98gYZr8
    P4AoiLgwQa1BkIMw0dcJyGtsOSQiF2ikI/Qr7dDQUhS2wDXfb2tM6YmoajsHQzwn
    JKTUyB67qUq/7T2kQcYlG2lqhuQia2va+Z/px6RvRyMUh318ifvLQM0s+CM5f4SR
    ZB6WEvIMObrDNeEmpqRrk3V5oPLvZ35vBDOfiTZbk+F7/7v5rFIydZZUsUW9YUK6
    Om3aO7ju+HiuQb+GrxvqJtk310+GRbQTlKPNQhqdg787IA/XNye4VQzXjdQxwWKj
    k71L02ipJtqTdG89C+C13fwHJdQ1+hyYnM96tvnfoCnaczS4ZliHLO6p06NJx6gi
    wyQAsgYO/0kuz2hbJOxPF2RF7nnR+nia/OD7PMHxN2CWeJzGxkwDVN3RgKHyGDgi
    TUX6IT6iUwHK48vyZMmYk+5bFxhkF2Yu6ZnqxE7PXS654lQyXmNkwWJcmcbfIEFt
    v77e5pnwBIcBztoE3zo+86mka9sx+toAX5C7gNtqmgnkQq1TzFWgNldNgLhVfUOu
    Tm2TB+DbbaOw4xYxjVH3VcNThVK0wyB8pZhhLCvLqHhreY9JVSK6G3G/EmdGELrQ
    0a1aaLGEcAgbCRIzZHh1+vvCg7hQA45TGcUHzcEFs38/Y8AYCoGy4D5F1z75kJ+j
    9k8WyKMXMHr/b/MBJegI5fyoYTbBj57oDQNtpu/z+3rIAWVMcF0AkqxWVsc3K5VK
    Qx0YWAun+k60o1MYqaXvJXUTpRZ4Zz6MZ+yVFC6Hk2plgXhSKLEgnI6YDxrACobF
    XYLjHxjThBPQ5fWqNf5R3Mx5oVEXWOHtULjECXwdzgSPO2pnFuaTBWZehukQs8X7
    kV+Fqr0i5g1JXIlJApeW/SaXIuR2I12N0ff6mDuePCH5EhsbYWbn3RCuEEcr4iu4
    FABT9gWEQjgcsFwbWF40IilhKoiGysXENtbqCxnA+76DypulCxWaiuhFJ3EEFYHX
    8SG/d/FGkmBV8YdXhBmM2NTbpnKaMbMOZoWjxFzi4d3TMvLw1wZdkWUUXqzIIA/8
    jNHqmNda9D/MlPJTf5Da+hefJ+Qn+dSQ23PhXOzh8D1VrxZwLtVV9urC/PZqvsUd
    7H1yOUGy4uRPCYcffoRBXsDFM+OYcwc4TDsoq/a1w6pCDdcfaiI7NY4Jb8bbR7jx
    F/ryKNq0zUjuuqq82BwCdmJR0u4fKb6a40w0O6yI5PD/a9wwtEaiotJUM0DHT/Yb
    -----END RSA PRIVATE KEY-----
    """

    /// A PKCS#8 RSA key of 1024 bits: too small.
    static let rsa1024 = """
    -----BEGIN PRIVATE KEY-----
    MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBANt8P9z7V1eW+dR1
    lfxyubdZul7OPiHoTd2G/xkHnNsEgrtUekRGeTsvbufiwkB3sIlPwN00kY6lAxJJ
    6H1V3qw1fpnyo/dqAs9Do/r3FDYKPl1AnDoGZcGlaqtgky2fWn2C2URqw4vExNie
    M1ekwp3m/TA3xUhKVQWuoAnZZZgfAgMBAAECgYEAgXoRnoXy52vb41aebTcskZnw
    FJ9sDcqhrI5HjHduM9G8YVAbdI1yVNTNgyPE3gz9anNO3e918oUrg61v5ggy+6Il
    VO70HH0jVuHOiK6EJ2xVH3pvFnk9Ga2PAoZnS4tnMbJkPk4G2lFZNwgLFRO4eWh+
    wiAxl5gqum6ZhjNCkpkCQQD0B6xWG6skv/m0jKy/t4pNjgfayKQavt26PmbXN5Tl
    07ONAV6LSOgs9GJ2xbH2ceqaTTBS8u2vIcX/nTTkrE5NAkEA5kBde4XsqKPce/cF
    jnN/ASjm6xVrNWnVIMwUuAPknhg/Cmdsp7J4eLBgiFeYpOio9p45EnrbUdYwy8Tr
    sIWuGwJADxlWcXF+0mRKeABoQ+iAVzIdjEzz0m/S2k44IMLgpKPHrUbTabzWGMn6
    Oa0byMrdoDR8c/Vx/W8SiDFa73c11QJALmoNLihKE5isioS6JwQbNwWivwLbULIb
    13esOYf3XvMuSg+dNJTiehm76+AUkjGgVc6BXLtNWMrfnUP96uCXvwJBAPPq/A66
    PNtjBcZxi5gVkMfr+iCRBnlwZkEFasfReopVX1jpGbHHsSFuIpEBe0HPhPHlHVfn
    ayJU4hPm4Z7Pl8o=
    -----END PRIVATE KEY-----
    """

    /// A PKCS#8 Ed448 key: a type the gateway does not use.
    static let ed448 = """
    -----BEGIN PRIVATE KEY-----
    MEcCAQAwBQYDK2VxBDsEOajw+2jmzVqVMrglrFmQU7OUJKZSLrxw04H9ugOXtq9g
    lIcoLGZsI7Bo8seia7RW82guOpcusqTZxw==
    -----END PRIVATE KEY-----
    """

    /// A PKCS#8 EC key on P-384: a curve the gateway does not use.
    static let p384 = """
    -----BEGIN PRIVATE KEY-----
    MIG2AgEAMBAGByqGSM49AgEGBSuBBAAiBIGeMIGbAgEBBDCPW/brVJ4OoODG6xJS
    W1hlhSlRKRKicpFUrG6T/mxMYYLXAdDxQ/Uy234ndiPMERChZANiAASx4+BSno6W
    wDQwwmh/0mbd+x77kv7XvRym/SWZwAt7Lk43ZboNMyGV/FzCnOIzH6+onsgjxWQ+
    Wo5kJfRM9Nc2Epfwxk57C7Ed558pyn+5YJxPEwVVBEy56v6TIc1juDk=
    -----END PRIVATE KEY-----
    """
}
