// GENERATED from the Unicode Character Database (Scripts.txt and ScriptExtensions.txt 18.0,
// emoji-data.txt 15.0) by a one-off script; do not edit by hand. The data is only read through
// `UnicodeScriptTable` and `EmojiPropertyTable`, which parse it once on first use.

enum UnicodeScriptData {
    /// Script codes (ISO 15924) and long names, indexed by script id; extra aliases after the long name.
    static let names: [[String]] = [
        ["Adlm", "Adlam"],
        ["Aghb", "Caucasian_Albanian"],
        ["Ahom", "Ahom"],
        ["Arab", "Arabic"],
        ["Armi", "Imperial_Aramaic"],
        ["Armn", "Armenian"],
        ["Avst", "Avestan"],
        ["Bali", "Balinese"],
        ["Bamu", "Bamum"],
        ["Bass", "Bassa_Vah"],
        ["Batk", "Batak"],
        ["Beng", "Bengali"],
        ["Berf", "Beria_Erfe"],
        ["Bhks", "Bhaiksuki"],
        ["Bopo", "Bopomofo"],
        ["Brah", "Brahmi"],
        ["Brai", "Braille"],
        ["Bugi", "Buginese"],
        ["Buhd", "Buhid"],
        ["Cakm", "Chakma"],
        ["Cans", "Canadian_Aboriginal"],
        ["Cari", "Carian"],
        ["Cham", "Cham"],
        ["Cher", "Cherokee"],
        ["Chrs", "Chorasmian"],
        ["Copt", "Coptic", "Qaac"],
        ["Cpmn", "Cypro_Minoan"],
        ["Cprt", "Cypriot"],
        ["Cyrl", "Cyrillic"],
        ["Deva", "Devanagari"],
        ["Diak", "Dives_Akuru"],
        ["Dogr", "Dogra"],
        ["Dsrt", "Deseret"],
        ["Dupl", "Duployan"],
        ["Egyp", "Egyptian_Hieroglyphs"],
        ["Elba", "Elbasan"],
        ["Elym", "Elymaic"],
        ["Ethi", "Ethiopic"],
        ["Gara", "Garay"],
        ["Geor", "Georgian"],
        ["Glag", "Glagolitic"],
        ["Gong", "Gunjala_Gondi"],
        ["Gonm", "Masaram_Gondi"],
        ["Goth", "Gothic"],
        ["Gran", "Grantha"],
        ["Grek", "Greek"],
        ["Gujr", "Gujarati"],
        ["Gukh", "Gurung_Khema"],
        ["Guru", "Gurmukhi"],
        ["Hang", "Hangul"],
        ["Hani", "Han"],
        ["Hano", "Hanunoo"],
        ["Hatr", "Hatran"],
        ["Hebr", "Hebrew"],
        ["Hira", "Hiragana"],
        ["Hluw", "Anatolian_Hieroglyphs"],
        ["Hmng", "Pahawh_Hmong"],
        ["Hmnp", "Nyiakeng_Puachue_Hmong"],
        ["Hrkt", "Katakana_Or_Hiragana"],
        ["Hung", "Old_Hungarian"],
        ["Ital", "Old_Italic"],
        ["Java", "Javanese"],
        ["Jurc", "Jurchen"],
        ["Kali", "Kayah_Li"],
        ["Kana", "Katakana"],
        ["Kawi", "Kawi"],
        ["Khar", "Kharoshthi"],
        ["Khmr", "Khmer"],
        ["Khoj", "Khojki"],
        ["Kits", "Khitan_Small_Script"],
        ["Knda", "Kannada"],
        ["Krai", "Kirat_Rai"],
        ["Kthi", "Kaithi"],
        ["Lana", "Tai_Tham"],
        ["Laoo", "Lao"],
        ["Latn", "Latin"],
        ["Lepc", "Lepcha"],
        ["Limb", "Limbu"],
        ["Lina", "Linear_A"],
        ["Linb", "Linear_B"],
        ["Lisu", "Lisu"],
        ["Lyci", "Lycian"],
        ["Lydi", "Lydian"],
        ["Mahj", "Mahajani"],
        ["Maka", "Makasar"],
        ["Mand", "Mandaic"],
        ["Mani", "Manichaean"],
        ["Marc", "Marchen"],
        ["Medf", "Medefaidrin"],
        ["Mend", "Mende_Kikakui"],
        ["Merc", "Meroitic_Cursive"],
        ["Mero", "Meroitic_Hieroglyphs"],
        ["Mlym", "Malayalam"],
        ["Modi", "Modi"],
        ["Mong", "Mongolian"],
        ["Mroo", "Mro"],
        ["Mtei", "Meetei_Mayek"],
        ["Mult", "Multani"],
        ["Mymr", "Myanmar"],
        ["Nagm", "Nag_Mundari"],
        ["Nand", "Nandinagari"],
        ["Narb", "Old_North_Arabian"],
        ["Nbat", "Nabataean"],
        ["Newa", "Newa"],
        ["Nkoo", "Nko"],
        ["Nshu", "Nushu"],
        ["Ogam", "Ogham"],
        ["Olck", "Ol_Chiki"],
        ["Onao", "Ol_Onal"],
        ["Orkh", "Old_Turkic"],
        ["Orya", "Oriya"],
        ["Osge", "Osage"],
        ["Osma", "Osmanya"],
        ["Ougr", "Old_Uyghur"],
        ["Palm", "Palmyrene"],
        ["Pauc", "Pau_Cin_Hau"],
        ["Pcun", "Proto_Cuneiform"],
        ["Perm", "Old_Permic"],
        ["Phag", "Phags_Pa"],
        ["Phli", "Inscriptional_Pahlavi"],
        ["Phlp", "Psalter_Pahlavi"],
        ["Phnx", "Phoenician"],
        ["Plrd", "Miao"],
        ["Prti", "Inscriptional_Parthian"],
        ["Rjng", "Rejang"],
        ["Rohg", "Hanifi_Rohingya"],
        ["Runr", "Runic"],
        ["Samr", "Samaritan"],
        ["Sarb", "Old_South_Arabian"],
        ["Saur", "Saurashtra"],
        ["Seal", "Seal"],
        ["Sgnw", "SignWriting"],
        ["Shaw", "Shavian"],
        ["Shrd", "Sharada"],
        ["Sidd", "Siddham"],
        ["Sidt", "Sidetic"],
        ["Sind", "Khudawadi"],
        ["Sinh", "Sinhala"],
        ["Sogd", "Sogdian"],
        ["Sogo", "Old_Sogdian"],
        ["Sora", "Sora_Sompeng"],
        ["Soyo", "Soyombo"],
        ["Sund", "Sundanese"],
        ["Sunu", "Sunuwar"],
        ["Sylo", "Syloti_Nagri"],
        ["Syrc", "Syriac"],
        ["Tagb", "Tagbanwa"],
        ["Takr", "Takri"],
        ["Tale", "Tai_Le"],
        ["Talu", "New_Tai_Lue"],
        ["Taml", "Tamil"],
        ["Tang", "Tangut"],
        ["Tavt", "Tai_Viet"],
        ["Tayo", "Tai_Yo"],
        ["Telu", "Telugu"],
        ["Tfng", "Tifinagh"],
        ["Tglg", "Tagalog"],
        ["Thaa", "Thaana"],
        ["Thai", "Thai"],
        ["Tibt", "Tibetan"],
        ["Tirh", "Tirhuta"],
        ["Tnsa", "Tangsa"],
        ["Todr", "Todhri"],
        ["Tols", "Tolong_Siki"],
        ["Toto", "Toto"],
        ["Tutg", "Tulu_Tigalari"],
        ["Ugar", "Ugaritic"],
        ["Vaii", "Vai"],
        ["Vith", "Vithkuqi"],
        ["Wara", "Warang_Citi"],
        ["Wcho", "Wancho"],
        ["Xpeo", "Old_Persian"],
        ["Xsux", "Cuneiform"],
        ["Yezi", "Yezidi"],
        ["Yiii", "Yi"],
        ["Zanb", "Zanabazar_Square"],
        ["Zinh", "Inherited", "Qaai"],
        ["Zyyy", "Common"],
        ["Zzzz", "Unknown"],
    ]

    /// `start:scriptId` pairs in hexadecimal: each script runs from its start to the next start.
    static let scriptRuns = """
        0:b1 41:4b 5b:b1 61:4b 7b:b1 aa:4b ab:b1 ba:4b bb:b1 c0:4b d7:b1 d8:4b f7:b1 f8:4b 2b9:b1 2e0:4b
        2e5:b1 2ea:e 2ec:b1 300:b0 370:2d 374:b1 375:2d 378:b2 37a:2d 37e:b1 37f:2d 380:b2 384:2d 385:b1
        386:2d 387:b1 388:2d 38b:b2 38c:2d 38d:b2 38e:2d 3a2:b2 3a3:2d 3e2:19 3f0:2d 400:1c 485:b0 487:1c
        530:b2 531:5 557:b2 558:5 590:b2 591:35 5ca:b2 5d0:35 5eb:b2 5ef:35 5f5:b2 600:3 605:b1 606:3
        60c:b1 60d:3 61b:b1 61c:3 61f:b1 620:3 640:b1 641:3 64b:b0 656:3 670:b0 671:3 6dd:b1 6de:3 700:91
        70e:b2 70f:91 74b:b2 74d:91 750:3 780:9d 7b2:b2 7c0:68 7fb:b2 7fd:68 800:7f 82e:b2 830:7f 83f:b2
        840:55 85c:b2 85e:55 85f:b2 860:91 86b:b2 870:3 892:b2 897:3 8e2:b1 8e3:3 900:1d 951:b0 955:1d
        964:b1 966:1d 980:b 984:b2 985:b 98d:b2 98f:b 991:b2 993:b 9a9:b2 9aa:b 9b1:b2 9b2:b 9b3:b2 9b6:b
        9ba:b2 9bc:b 9c5:b2 9c7:b 9c9:b2 9cb:b 9cf:b2 9d7:b 9d8:b2 9dc:b 9de:b2 9df:b 9e4:b2 9e6:b 9ff:b2
        a01:30 a04:b2 a05:30 a0b:b2 a0f:30 a11:b2 a13:30 a29:b2 a2a:30 a31:b2 a32:30 a34:b2 a35:30 a37:b2
        a38:30 a3a:b2 a3c:30 a3d:b2 a3e:30 a43:b2 a47:30 a49:b2 a4b:30 a4e:b2 a51:30 a52:b2 a59:30 a5d:b2
        a5e:30 a5f:b2 a66:30 a77:b2 a81:2e a84:b2 a85:2e a8e:b2 a8f:2e a92:b2 a93:2e aa9:b2 aaa:2e ab1:b2
        ab2:2e ab4:b2 ab5:2e aba:b2 abc:2e ac6:b2 ac7:2e aca:b2 acb:2e ace:b2 ad0:2e ad1:b2 ae0:2e ae4:b2
        ae6:2e af2:b2 af9:2e b00:b2 b01:6e b04:b2 b05:6e b0d:b2 b0f:6e b11:b2 b13:6e b29:b2 b2a:6e b31:b2
        b32:6e b34:b2 b35:6e b3a:b2 b3c:6e b45:b2 b47:6e b49:b2 b4b:6e b4e:b2 b53:6e b58:b2 b5c:6e b5e:b2
        b5f:6e b64:b2 b66:6e b78:b2 b82:96 b84:b2 b85:96 b8b:b2 b8e:96 b91:b2 b92:96 b96:b2 b99:96 b9b:b2
        b9c:96 b9d:b2 b9e:96 ba0:b2 ba3:96 ba5:b2 ba8:96 bab:b2 bae:96 bba:b2 bbe:96 bc3:b2 bc6:96 bc9:b2
        bca:96 bce:b2 bd0:96 bd1:b2 bd7:96 bd8:b2 be6:96 bfb:b2 c00:9a c0d:b2 c0e:9a c11:b2 c12:9a c29:b2
        c2a:9a c3a:b2 c3c:9a c45:b2 c46:9a c49:b2 c4a:9a c4e:b2 c55:9a c57:b2 c58:9a c5b:b2 c5c:9a c5e:b2
        c60:9a c64:b2 c66:9a c70:b2 c77:9a c80:46 c8d:b2 c8e:46 c91:b2 c92:46 ca9:b2 caa:46 cb4:b2 cb5:46
        cba:b2 cbc:46 cc5:b2 cc6:46 cc9:b2 cca:46 cce:b2 cd5:46 cd7:b2 cdc:46 cdf:b2 ce0:46 ce4:b2 ce6:46
        cf0:b2 cf1:46 cf4:b2 d00:5c d0d:b2 d0e:5c d11:b2 d12:5c d45:b2 d46:5c d49:b2 d4a:5c d50:b2 d54:5c
        d64:b2 d66:5c d80:b2 d81:89 d84:b2 d85:89 d97:b2 d9a:89 db2:b2 db3:89 dbc:b2 dbd:89 dbe:b2 dc0:89
        dc7:b2 dca:89 dcb:b2 dcf:89 dd5:b2 dd6:89 dd7:b2 dd8:89 de0:b2 de6:89 df0:b2 df2:89 df5:b2 e01:9e
        e3b:b2 e3f:b1 e40:9e e5c:b2 e81:4a e83:b2 e84:4a e85:b2 e86:4a e8b:b2 e8c:4a ea4:b2 ea5:4a ea6:b2
        ea7:4a ebe:b2 ec0:4a ec5:b2 ec6:4a ec7:b2 ec8:4a ecf:b2 ed0:4a eda:b2 edc:4a ee0:b2 f00:9f f48:b2
        f49:9f f6d:b2 f71:9f f98:b2 f99:9f fbd:b2 fbe:9f fcd:b2 fce:9f fd5:b1 fd9:9f fdb:b2 1000:62 10a0:27
        10c6:b2 10c7:27 10c8:b2 10cd:27 10ce:b2 10d0:27 10fb:b1 10fc:27 1100:31 1200:25 1249:b2 124a:25
        124e:b2 1250:25 1257:b2 1258:25 1259:b2 125a:25 125e:b2 1260:25 1289:b2 128a:25 128e:b2 1290:25
        12b1:b2 12b2:25 12b6:b2 12b8:25 12bf:b2 12c0:25 12c1:b2 12c2:25 12c6:b2 12c8:25 12d7:b2 12d8:25
        1311:b2 1312:25 1316:b2 1318:25 135b:b2 135d:25 137d:b2 1380:25 139a:b2 13a0:17 13f6:b2 13f8:17
        13fe:b2 1400:14 1680:6a 169d:b2 16a0:7e 16eb:b1 16ee:7e 16f9:b2 1700:9c 1716:b2 171f:9c 1720:33
        1735:b1 1737:b2 1740:12 1754:b2 1760:92 176d:b2 176e:92 1771:b2 1772:92 1774:b2 1780:43 17de:b2
        17e0:43 17ea:b2 17f0:43 17fa:b2 1800:5e 1802:b1 1804:5e 1805:b1 1806:5e 181a:b2 1820:5e 1879:b2
        1880:5e 18ab:b2 18b0:14 18f6:b2 1900:4d 191f:b2 1920:4d 192c:b2 1930:4d 193c:b2 1940:4d 1941:b2
        1944:4d 1950:94 196e:b2 1970:94 1975:b2 1980:95 19ac:b2 19b0:95 19ca:b2 19d0:95 19db:b2 19de:95
        19e0:43 1a00:11 1a1c:b2 1a1e:11 1a20:49 1a5f:b2 1a60:49 1a7d:b2 1a7f:49 1a8a:b2 1a90:49 1a9a:b2
        1aa0:49 1aae:b2 1ab0:b0 1af1:b2 1b00:7 1b4d:b2 1b4e:7 1b80:8e 1bc0:a 1bf4:b2 1bfc:a 1c00:4c 1c38:b2
        1c3b:4c 1c4a:b2 1c4d:4c 1c50:6b 1c80:1c 1c8b:b2 1c90:27 1cbb:b2 1cbd:27 1cc0:8e 1cc8:b2 1cd0:b0
        1cd3:b1 1cd4:b0 1ce1:b1 1ce2:b0 1ce9:b1 1ced:b0 1cee:b1 1cf4:b0 1cf5:b1 1cf8:b0 1cfa:b1 1cfb:b2
        1d00:4b 1d26:2d 1d2b:1c 1d2c:4b 1d5d:2d 1d62:4b 1d66:2d 1d6b:4b 1d78:1c 1d79:4b 1dbf:2d 1dc0:b0
        1e00:4b 1f00:2d 1f16:b2 1f18:2d 1f1e:b2 1f20:2d 1f46:b2 1f48:2d 1f4e:b2 1f50:2d 1f58:b2 1f59:2d
        1f5a:b2 1f5b:2d 1f5c:b2 1f5d:2d 1f5e:b2 1f5f:2d 1f7e:b2 1f80:2d 1fb5:b2 1fb6:2d 1fc5:b2 1fc6:2d
        1fd4:b2 1fd6:2d 1fdc:b2 1fdd:2d 1ff0:b2 1ff2:2d 1ff5:b2 1ff6:2d 1fff:b2 2000:b1 200c:b0 200e:b1
        2065:b2 2066:b1 2071:4b 2072:b2 2074:b1 207f:4b 2080:b1 2090:4b 20a0:b1 20c5:b2 20d0:b0 20f1:b2
        2100:b1 2126:2d 2127:b1 212a:4b 212c:b1 2132:4b 2133:b1 214e:4b 214f:b1 2160:4b 2189:b1 218c:b2
        2190:b1 242a:b2 2440:b1 244b:b2 2460:b1 2800:10 2900:b1 2b74:b2 2b76:b1 2c00:28 2c60:4b 2c80:19
        2cf4:b2 2cf9:19 2d00:27 2d26:b2 2d27:27 2d28:b2 2d2d:27 2d2e:b2 2d30:9b 2d68:b2 2d6f:9b 2d71:b2
        2d7f:9b 2d80:25 2d97:b2 2da0:25 2da7:b2 2da8:25 2daf:b2 2db0:25 2db7:b2 2db8:25 2dbf:b2 2dc0:25
        2dc7:b2 2dc8:25 2dcf:b2 2dd0:25 2dd7:b2 2dd8:25 2ddf:b2 2de0:1c 2e00:b1 2e5e:b2 2e60:b1 2e64:b2
        2e80:32 2e9a:b2 2e9b:32 2ef4:b2 2f00:32 2fd6:b2 2ff0:b1 3005:32 3006:b1 3007:32 3008:b1 3021:32
        302a:b0 302e:31 3030:b1 3038:32 303c:b1 3040:b2 3041:36 3097:b2 3099:b0 309b:b1 309d:36 30a0:b1
        30a1:40 30fb:b1 30fd:40 3100:b2 3105:e 3130:b2 3131:31 318f:b2 3190:b1 31a0:e 31c0:b1 31e6:b2
        31ef:b1 31f0:40 3200:31 321f:b2 3220:b1 3260:31 327f:b1 32d0:40 32ff:b1 3300:40 3358:b1 3400:32
        4dc0:b1 4e00:32 a000:ae a48d:b2 a490:ae a4c7:b2 a4d0:50 a500:a7 a62c:b2 a640:1c a6a0:8 a6f8:b2
        a700:b1 a722:4b a788:b1 a78b:4b a7de:b2 a7e2:4b a7e3:b2 a7f1:4b a800:90 a82d:b2 a830:b1 a83a:b2
        a840:76 a878:b2 a880:81 a8c6:b2 a8ce:81 a8da:b2 a8e0:1d a900:3f a92e:b1 a92f:3f a930:7c a954:b2
        a95f:7c a960:31 a97d:b2 a980:3d a9ce:b2 a9cf:b1 a9d0:3d a9da:b2 a9de:3d a9e0:62 a9ff:b2 aa00:16
        aa37:b2 aa40:16 aa4e:b2 aa50:16 aa5a:b2 aa5c:16 aa60:62 aa80:98 aac3:b2 aadb:98 aae0:60 aaf7:b2
        ab01:25 ab07:b2 ab09:25 ab0f:b2 ab11:25 ab17:b2 ab20:25 ab27:b2 ab28:25 ab2f:b2 ab30:4b ab5b:b1
        ab5c:4b ab65:2d ab66:4b ab6a:b1 ab6c:4b ab6e:b2 ab70:17 abc0:60 abee:b2 abf0:60 abfa:b2 ac00:31
        d7a4:b2 d7b0:31 d7c7:b2 d7cb:31 d7fc:b2 f900:32 fa6e:b2 fa70:32 fada:b2 fb00:4b fb07:b2 fb13:5
        fb18:b2 fb1d:35 fb37:b2 fb38:35 fb3d:b2 fb3e:35 fb3f:b2 fb40:35 fb42:b2 fb43:35 fb45:b2 fb46:35
        fb50:3 fd3e:b1 fd40:3 fdd0:b2 fdf0:3 fe00:b0 fe10:b1 fe1a:b2 fe20:b0 fe2e:1c fe30:b1 fe53:b2
        fe54:b1 fe67:b2 fe68:b1 fe6c:b2 fe70:3 fe75:b2 fe76:3 fefd:b2 feff:b1 ff00:b2 ff01:b1 ff21:4b
        ff3b:b1 ff41:4b ff5b:b1 ff66:40 ff70:b1 ff71:40 ff9e:b1 ffa0:31 ffbf:b2 ffc2:31 ffc8:b2 ffca:31
        ffd0:b2 ffd2:31 ffd8:b2 ffda:31 ffdd:b2 ffe0:b1 ffe7:b2 ffe8:b1 ffef:b2 fff9:b1 fffe:b2 10000:4f
        1000c:b2 1000d:4f 10027:b2 10028:4f 1003b:b2 1003c:4f 1003e:b2 1003f:4f 1004e:b2 10050:4f 1005e:b2
        10080:4f 100fb:b2 10100:b1 10103:b2 10107:b1 10134:b2 10137:b1 10140:2d 1018f:b2 10190:b1 1019d:b2
        101a0:2d 101a1:b2 101d0:b1 101fd:b0 101fe:b2 10280:51 1029d:b2 102a0:15 102d1:b2 102e0:b0 102e1:b1
        102fc:b2 10300:3c 10324:b2 1032d:3c 10330:2b 1034b:b2 10350:75 1037b:b2 10380:a6 1039e:b2 1039f:a6
        103a0:ab 103c4:b2 103c8:ab 103d6:b2 10400:20 10450:84 10480:70 1049e:b2 104a0:70 104aa:b2 104b0:6f
        104d4:b2 104d8:6f 104fc:b2 10500:23 10528:b2 10530:1 10564:b2 1056f:1 10570:a8 1057b:b2 1057c:a8
        1058b:b2 1058c:a8 10593:b2 10594:a8 10596:b2 10597:a8 105a2:b2 105a3:a8 105b2:b2 105b3:a8 105ba:b2
        105bb:a8 105bd:b2 105c0:a2 105f4:b2 10600:4e 10737:b2 10740:4e 10756:b2 10760:4e 10768:b2 10780:4b
        10786:b2 10787:4b 107b1:b2 107b2:4b 107c0:b2 10800:1b 10806:b2 10808:1b 10809:b2 1080a:1b 10836:b2
        10837:1b 10839:b2 1083c:1b 1083d:b2 1083f:1b 10840:4 10856:b2 10857:4 10860:72 10880:66 1089f:b2
        108a7:66 108b0:b2 108e0:34 108f3:b2 108f4:34 108f6:b2 108fb:34 10900:79 1091c:b2 1091f:79 10920:52
        1093a:b2 1093f:52 10940:87 1095a:b2 10980:5b 109a0:5a 109b8:b2 109bc:5a 109d0:b2 109d2:5a 10a00:42
        10a04:b2 10a05:42 10a07:b2 10a0c:42 10a14:b2 10a15:42 10a18:b2 10a19:42 10a36:b2 10a38:42 10a3b:b2
        10a3f:42 10a49:b2 10a50:42 10a59:b2 10a60:80 10a80:65 10aa0:b2 10ac0:56 10ae7:b2 10aeb:56 10af7:b2
        10b00:6 10b36:b2 10b39:6 10b40:7b 10b56:b2 10b58:7b 10b60:77 10b73:b2 10b78:77 10b80:78 10b92:b2
        10b99:78 10b9d:b2 10ba9:78 10bb0:b2 10c00:6d 10c49:b2 10c80:3b 10cb3:b2 10cc0:3b 10cf3:b2 10cfa:3b
        10d00:7d 10d28:b2 10d30:7d 10d3a:b2 10d40:26 10d66:b2 10d69:26 10d86:b2 10d8e:26 10d90:b2 10e60:3
        10e7f:b2 10e80:ad 10eaa:b2 10eab:ad 10eae:b2 10eb0:ad 10eb2:b2 10ec2:3 10ec8:b2 10ec9:3 10eef:b2
        10ef0:3 10f00:8b 10f28:b2 10f30:8a 10f5a:b2 10f70:71 10f8a:b2 10fb0:18 10fcc:b2 10fe0:24 10ff7:b2
        11000:f 1104e:b2 11052:f 11076:b2 1107f:f 11080:48 110c3:b2 110cd:48 110ce:b2 110d0:8c 110e9:b2
        110f0:8c 110fa:b2 11100:13 11135:b2 11136:13 11148:b2 11150:53 11177:b2 11180:85 111e0:b2 111e1:89
        111f5:b2 11200:44 11212:b2 11213:44 11242:b2 11280:61 11287:b2 11288:61 11289:b2 1128a:61 1128e:b2
        1128f:61 1129e:b2 1129f:61 112aa:b2 112b0:88 112eb:b2 112f0:88 112fa:b2 11300:2c 11304:b2 11305:2c
        1130d:b2 1130f:2c 11311:b2 11313:2c 11329:b2 1132a:2c 11331:b2 11332:2c 11334:b2 11335:2c 1133a:b2
        1133b:b0 1133c:2c 11345:b2 11347:2c 11349:b2 1134b:2c 1134e:b2 11350:2c 11351:b2 11357:2c 11358:b2
        1135d:2c 11364:b2 11366:2c 1136d:b2 11370:2c 11375:b2 11380:a5 1138a:b2 1138b:a5 1138c:b2 1138e:a5
        1138f:b2 11390:a5 113b6:b2 113b7:a5 113c1:b2 113c2:a5 113c3:b2 113c5:a5 113c6:b2 113c7:a5 113cb:b2
        113cc:a5 113d6:b2 113d7:a5 113d9:b2 113e1:a5 113e3:b2 11400:67 1145c:b2 1145d:67 11462:b2 11480:a0
        114c8:b2 114d0:a0 114da:b2 11580:86 115b6:b2 115b8:86 115de:b2 11600:5d 11645:b2 11650:5d 1165a:b2
        11660:5e 1166d:b2 11680:93 116ba:b2 116c0:93 116ca:b2 116d0:62 116e4:b2 11700:2 1171b:b2 1171d:2
        1172c:b2 11730:2 11747:b2 11800:1f 1183c:b2 118a0:a9 118f3:b2 118ff:a9 11900:1e 11907:b2 11909:1e
        1190a:b2 1190c:1e 11914:b2 11915:1e 11917:b2 11918:1e 11936:b2 11937:1e 11939:b2 1193b:1e 11947:b2
        11950:1e 1195a:b2 119a0:64 119a8:b2 119aa:64 119d8:b2 119da:64 119e5:b2 11a00:af 11a48:b2 11a50:8d
        11aa3:b2 11ab0:14 11ac0:73 11af9:b2 11b00:1d 11b0b:b2 11b60:85 11b68:b2 11bc0:8f 11be2:b2 11bf0:8f
        11bfa:b2 11c00:d 11c09:b2 11c0a:d 11c37:b2 11c38:d 11c46:b2 11c50:d 11c6d:b2 11c70:57 11c90:b2
        11c92:57 11ca8:b2 11ca9:57 11cb7:b2 11d00:2a 11d07:b2 11d08:2a 11d0a:b2 11d0b:2a 11d37:b2 11d3a:2a
        11d3b:b2 11d3c:2a 11d3e:b2 11d3f:2a 11d48:b2 11d50:2a 11d5a:b2 11d60:29 11d66:b2 11d67:29 11d69:b2
        11d6a:29 11d8f:b2 11d90:29 11d92:b2 11d93:29 11d99:b2 11da0:29 11daa:b2 11db0:a3 11ddc:b2 11de0:a3
        11dea:b2 11df0:b 11df2:b2 11ee0:54 11ef9:b2 11f00:41 11f11:b2 11f12:41 11f3b:b2 11f3e:41 11f5b:b2
        11fb0:50 11fb1:b2 11fc0:96 11ff2:b2 11fff:96 12000:ac 1239a:b2 12400:ac 12544:b2 12550:ac 125a8:74
        1264c:ac 12687:b2 12f90:1a 12ff3:b2 13000:22 13456:b2 13460:22 143fb:b2 14400:37 14647:b2 16100:2f
        1613a:b2 16800:8 16a39:b2 16a40:5f 16a5f:b2 16a60:5f 16a6a:b2 16a6e:5f 16a70:a1 16abf:b2 16ac0:a1
        16aca:b2 16ad0:9 16aee:b2 16af0:9 16af6:b2 16b00:38 16b46:b2 16b50:38 16b5a:b2 16b5b:38 16b62:b2
        16b63:38 16b78:b2 16b7d:38 16b90:b2 16d40:47 16d7a:b2 16e40:58 16e9b:b2 16ea0:c 16eb9:b2 16ebb:c
        16ed4:b2 16f00:7a 16f4b:b2 16f4f:7a 16f88:b2 16f8f:7a 16fa0:b2 16fe0:97 16fe1:69 16fe2:32 16fe4:45
        16fe5:b2 16ff0:32 16ff7:b2 17000:97 18b00:45 18cdb:b2 18cff:45 18d00:97 18d21:b2 18d80:97 18df3:b2
        18e00:3e 19192:b2 191a0:3e 191d3:b2 1aff0:40 1aff4:b2 1aff5:40 1affc:b2 1affd:40 1afff:b2 1b000:40
        1b001:36 1b120:40 1b123:36 1b124:40 1b129:b2 1b132:36 1b133:b2 1b150:36 1b153:b2 1b155:40 1b156:b2
        1b164:40 1b169:b2 1b170:69 1b2fc:b2 1bc00:21 1bc6b:b2 1bc70:21 1bc7d:b2 1bc80:21 1bc89:b2 1bc90:21
        1bc9a:b2 1bc9c:21 1bca0:b1 1bca4:b2 1cc00:b1 1ccfd:b2 1cd00:b1 1ceb4:b2 1ceba:b1 1ced1:b2 1ced2:b1
        1ced5:b2 1cedd:b1 1cefe:b2 1cf00:b0 1cf2e:b2 1cf30:b0 1cf47:b2 1cf50:b1 1cfc4:b2 1d000:b1 1d0f6:b2
        1d100:b1 1d127:b0 1d129:b1 1d167:b0 1d16a:b1 1d17b:b0 1d183:b1 1d185:b0 1d18c:b1 1d1aa:b0 1d1ae:b1
        1d200:2d 1d246:b2 1d250:b1 1d25b:b0 1d25d:b1 1d282:b2 1d2c0:b1 1d2d4:b2 1d2e0:b1 1d2f4:b2 1d300:b1
        1d357:b2 1d360:b1 1d379:b2 1d400:b1 1d455:b2 1d456:b1 1d49d:b2 1d49e:b1 1d4a0:b2 1d4a2:b1 1d4a3:b2
        1d4a5:b1 1d4a7:b2 1d4a9:b1 1d4ad:b2 1d4ae:b1 1d4ba:b2 1d4bb:b1 1d4bc:b2 1d4bd:b1 1d4c4:b2 1d4c5:b1
        1d506:b2 1d507:b1 1d50b:b2 1d50d:b1 1d515:b2 1d516:b1 1d51d:b2 1d51e:b1 1d53a:b2 1d53b:b1 1d53f:b2
        1d540:b1 1d545:b2 1d546:b1 1d547:b2 1d54a:b1 1d551:b2 1d552:b1 1d6a7:b2 1d6a8:b1 1d7cc:b2 1d7ce:b1
        1d800:83 1da8c:b2 1da9b:83 1daa0:b2 1daa1:83 1dab0:b2 1db00:b1 1db1d:b2 1df00:4b 1df82:b2 1df90:4b
        1df97:b2 1dfcd:4b 1dff3:2d 1dff5:4b 1e000:28 1e007:b2 1e008:28 1e019:b2 1e01b:28 1e022:b2 1e023:28
        1e025:b2 1e026:28 1e02b:b2 1e030:1c 1e06e:b2 1e08f:1c 1e090:b2 1e100:39 1e12d:b2 1e130:39 1e13e:b2
        1e140:39 1e14a:b2 1e14e:39 1e150:b2 1e290:a4 1e2af:b2 1e2c0:aa 1e2fa:b2 1e2ff:aa 1e300:b2 1e4d0:63
        1e4fa:b2 1e5d0:6c 1e5fb:b2 1e5ff:6c 1e600:b2 1e6c0:99 1e6df:b2 1e6e0:99 1e6f6:b2 1e6fe:99 1e700:b2
        1e7e0:25 1e7e7:b2 1e7e8:25 1e7ec:b2 1e7ed:25 1e7ef:b2 1e7f0:25 1e7ff:b2 1e800:59 1e8c5:b2 1e8c7:59
        1e8d7:b2 1e900:0 1e94c:b2 1e950:0 1e95a:b2 1e95e:0 1e960:b2 1ec71:b1 1ecb5:b2 1ed01:b1 1ed3e:b2
        1ee00:3 1ee04:b2 1ee05:3 1ee20:b2 1ee21:3 1ee23:b2 1ee24:3 1ee25:b2 1ee27:3 1ee28:b2 1ee29:3
        1ee33:b2 1ee34:3 1ee38:b2 1ee39:3 1ee3a:b2 1ee3b:3 1ee3c:b2 1ee42:3 1ee43:b2 1ee47:3 1ee48:b2
        1ee49:3 1ee4a:b2 1ee4b:3 1ee4c:b2 1ee4d:3 1ee50:b2 1ee51:3 1ee53:b2 1ee54:3 1ee55:b2 1ee57:3
        1ee58:b2 1ee59:3 1ee5a:b2 1ee5b:3 1ee5c:b2 1ee5d:3 1ee5e:b2 1ee5f:3 1ee60:b2 1ee61:3 1ee63:b2
        1ee64:3 1ee65:b2 1ee67:3 1ee6b:b2 1ee6c:3 1ee73:b2 1ee74:3 1ee78:b2 1ee79:3 1ee7d:b2 1ee7e:3
        1ee7f:b2 1ee80:3 1ee8a:b2 1ee8b:3 1ee9c:b2 1eea1:3 1eea4:b2 1eea5:3 1eeaa:b2 1eeab:3 1eebc:b2
        1eef0:3 1eef2:b2 1f000:b1 1f02c:b2 1f030:b1 1f094:b2 1f0a0:b1 1f0af:b2 1f0b1:b1 1f0c0:b2 1f0c1:b1
        1f0d0:b2 1f0d1:b1 1f0f6:b2 1f100:b1 1f1af:b2 1f1e6:b1 1f200:36 1f201:b1 1f203:b2 1f210:b1 1f23c:b2
        1f240:b1 1f249:b2 1f250:b1 1f252:b2 1f260:b1 1f266:b2 1f300:b1 1f6da:b2 1f6dc:b1 1f6ed:b2 1f6f0:b1
        1f6fd:b2 1f700:b1 1f7dc:b2 1f7e0:b1 1f7ec:b2 1f7f0:b1 1f80c:b2 1f810:b1 1f848:b2 1f850:b1 1f85a:b2
        1f860:b1 1f888:b2 1f890:b1 1f8ae:b2 1f8b0:b1 1f8bc:b2 1f8c0:b1 1f8c2:b2 1f8d0:b1 1f8d9:b2 1f900:b1
        1fa58:b2 1fa60:b1 1fa6e:b2 1fa70:b1 1fa7d:b2 1fa80:b1 1fac7:b2 1fac8:b1 1fac9:b2 1facc:b1 1fade:b2
        1fadf:b1 1faec:b2 1faef:b1 1fafb:b2 1fb00:b1 1fb93:b2 1fb94:b1 1fbfb:b2 20000:32 2a6e0:b2 2a700:32
        2b81f:b2 2b820:32 2ceae:b2 2ceb0:32 2ebe1:b2 2ebf0:32 2ee5e:b2 2f800:32 2fa1e:b2 30000:32 3134b:b2
        31350:32 3347a:b2 3d000:82 3fc40:b2 e0001:b1 e0002:b2 e0020:b1 e0080:b2 e0100:b0 e01f0:b2
        """

    /// `start-end:id,id…` in hexadecimal: code points whose Script_Extensions differ from their Script.
    static let extensionRanges = """
        b7-b7:6,15,19,21,23,27,28,29,2b,2d,32,4b,52,53,75,84 2bc-2bc:b,1c,1d,4b,50,9e,a4 2c7-2c7:e,4b
        2c9-2cb:e,4b 2cd-2cd:4b,50 2d7-2d7:4b,9e 2d9-2d9:e,4b 300-300:17,19,1c,2d,4b,75,8f,94
        301-301:17,1c,2d,4b,6f,8f,94,a2 302-302:17,1c,4b,9b 303-303:28,4b,8f,91,9e
        304-304:1,17,19,1c,2b,2d,4b,6f,91,9b,a2 305-305:19,23,28,2b,40,4b 306-306:1c,2d,4b,75,9b
        307-307:19,21,35,4b,75,91,94,9b,a2 308-308:5,1c,21,2b,2d,35,4b,75,91,94,9b 309-309:4b,9b
        30a-30a:21,4b,91 30b-30b:17,1c,4b,6f 30c-30c:17,4b,94 30d-30d:4b,8f 30e-30e:25,4b 310-310:4b,8f
        311-311:1c,4b,a2 313-313:2d,4b,75,a2 323-323:17,21,40,4b,91,9b 324-324:17,21,4b,91 325-325:4b,91
        32d-32d:4b,8f,91 32e-32e:4b,91 330-330:17,4b,91 331-331:1,17,2b,4b,8f,91,9e 342-342:2d 345-345:2d
        358-358:4b,6f 35e-35e:1,4b,a2 363-36f:4b 374-375:19,2d 483-483:1c,75 484-484:1c,28 485-486:1c,4b
        487-487:1c,28 589-589:5,27,28 60c-60c:3,26,68,7d,91,9d,ad 61b-61b:3,26,68,7d,91,9d,ad
        61c-61c:3,91,9d 61f-61f:0,3,26,68,7d,91,9d,ad 640-640:0,3,55,56,71,78,7d,8a,91 64b-655:3,91
        660-669:3,9d,ad 670-670:3,91 6d4-6d4:3,7d 951-951:b,1d,2c,2e,30,46,4b,5c,64,67,6e,85,96,9a,a0
        952-952:b,1d,2c,2e,30,46,4b,5c,67,6e,96,9a,a0
        964-964:b,1d,1f,29,2a,2c,2e,30,46,53,5c,64,6c,6e,88,89,90,93,96,9a,a0
        965-965:b,1d,1f,29,2a,2c,2e,2f,30,46,4d,53,5c,64,6c,6e,88,89,90,93,96,9a,a0 966-96f:1d,1f,48,53
        9e6-9ef:b,13,90 a66-a6f:30,61 ae6-aef:2e,44 b83-b83:46,5c,96,9a be6-bf3:2c,96 ce6-cef:46,64,a5
        1040-1049:13,62,94 10fb-10fb:27,28,4b 16eb-16ed:7e 1735-1736:12,33,92,9c 1802-1803:5e,76
        1805-1805:5e,76 1cd0-1cd0:b,1d,2c,46 1cd1-1cd1:1d 1cd2-1cd2:b,1d,2c,46 1cd3-1cd3:1d,2c,46
        1cd4-1cd4:1d 1cd5-1cd5:b,1d,67,9a,a0 1cd6-1cd6:b,1d,9a 1cd7-1cd7:1d,67,85 1cd8-1cd8:b,1d,67,9a
        1cd9-1cd9:1d,85 1cda-1cda:1d,46,5c,6e,96,9a 1cdb-1cdb:1d 1cdc-1cdd:1d,85 1cde-1cdf:1d
        1ce0-1ce0:1d,85 1ce1-1ce1:b,1d 1ce2-1ce2:1d,67,a0 1ce3-1ce8:1d 1ce9-1ce9:1d,64,67 1cea-1cea:b,1d,85
        1ceb-1ceb:1d,67 1cec-1cec:1d 1ced-1ced:b,1d,67,85 1cee-1cf1:1d
        1cf2-1cf2:b,1d,2c,46,5c,64,6e,89,9a,a0,a5 1cf3-1cf3:1d,2c 1cf4-1cf4:1d,2c,46,a5 1cf5-1cf7:b
        1cf8-1cf9:1d,2c 1cfa-1cfa:64 1dc0-1dc1:2d 1df8-1df8:1c,4b,91 1dfa-1dfa:91 202f-202f:4b,5e,76
        204f-204f:0,3 205a-205a:15,27,28,3b,51,6d 205d-205d:15,2d,3b,5b 20f0-20f0:1d,2c,4b 2e17-2e17:19,4b
        2e30-2e30:6,6d 2e31-2e31:6,15,27,3b,48,52,7f 2e3c-2e3c:21 2e41-2e41:0,3,3b 2e43-2e43:1c,28
        2ff0-2fff:32,97 3001-3001:e,31,32,36,40,5e,ae 3002-3002:e,31,32,36,40,5e,76,ae
        3003-3003:e,31,32,36,40 3006-3006:32 3008-3009:e,31,32,36,40,5e,9f,ae
        300a-300b:e,31,32,36,40,50,5e,9f,ae 300c-3011:e,31,32,36,40,ae 3013-3013:e,31,32,36,40
        3014-301b:e,31,32,36,40,ae 301c-301f:e,31,32,36,40 302a-302d:e,32 3030-3030:e,31,32,36,40
        3031-3035:36,40 3037-3037:e,31,32,36,40 303c-303d:32,36,40 303e-303f:32 3099-309c:36,40
        30a0-30a0:36,40 30fb-30fb:e,31,32,36,40,ae 30fc-30fc:36,40 3190-319f:32 31c0-31e5:32
        31ef-31ef:32,97 3220-3247:32 3280-32b0:32 32c0-32cb:32 32ff-32ff:32 3358-3370:32 337b-337f:32
        33e0-33fe:32 a66f-a66f:1c,28 a700-a707:32,4b
        a830-a832:1d,1f,2e,30,44,46,48,53,5c,5d,64,85,88,93,a0,a5
        a833-a835:1d,1f,2e,30,44,46,48,53,5d,64,85,88,93,a0,a5 a836-a837:1d,1f,2e,30,44,48,53,5d,88,93,a0
        a838-a838:1d,1f,2e,30,44,48,53,5d,85,88,93,a0 a839-a839:1d,1f,2e,30,44,48,53,5d,88,93,a0
        a8f1-a8f1:b,1d,a5 a8f3-a8f3:1d,96 a92e-a92e:3f,4b,62 a9cf-a9cf:11,3d fd3e-fd3f:3,68 fdf2-fdf2:3,9d
        fdfd-fdfd:3,9d fe45-fe46:e,31,32,36,40 ff61-ff65:e,31,32,36,40,ae ff70-ff70:36,40 ff9e-ff9f:36,40
        10100-10101:1a,1b,4f 10102-10102:1b,4f 10107-10133:1b,4e,4f 10137-1013f:1b,4f 102e0-102fb:3,19
        10af2-10af2:56,71 11301-11301:2c,96 11303-11303:2c,96 1133b-1133c:2c,96 11fd0-11fd1:2c,96
        11fd3-11fd3:2c,96 12550-12586:74,ac 1258c-1258d:74,ac 1259a-125a7:74,ac 1bca0-1bca3:21
        1d360-1d371:32 1f250-1f251:32
        """

    /// `start-end` ranges in hexadecimal of the Emoji_Component property.
    static let emojiComponent = """
        23-23 2a-2a 30-39 200d-200d 20e3-20e3 fe0f-fe0f 1f1e6-1f1ff 1f3fb-1f3ff 1f9b0-1f9b3 e0020-e007f
        """

    /// `start-end` ranges in hexadecimal of the Extended_Pictographic property.
    static let extendedPictographic = """
        a9-a9 ae-ae 203c-203c 2049-2049 2122-2122 2139-2139 2194-2199 21a9-21aa 231a-231b 2328-2328
        2388-2388 23cf-23cf 23e9-23f3 23f8-23fa 24c2-24c2 25aa-25ab 25b6-25b6 25c0-25c0 25fb-25fe 2600-2605
        2607-2612 2614-2685 2690-2705 2708-2712 2714-2714 2716-2716 271d-271d 2721-2721 2728-2728 2733-2734
        2744-2744 2747-2747 274c-274c 274e-274e 2753-2755 2757-2757 2763-2767 2795-2797 27a1-27a1 27b0-27b0
        27bf-27bf 2934-2935 2b05-2b07 2b1b-2b1c 2b50-2b50 2b55-2b55 3030-3030 303d-303d 3297-3297 3299-3299
        1f000-1f0ff 1f10d-1f10f 1f12f-1f12f 1f16c-1f171 1f17e-1f17f 1f18e-1f18e 1f191-1f19a 1f1ad-1f1e5
        1f201-1f20f 1f21a-1f21a 1f22f-1f22f 1f232-1f23a 1f23c-1f23f 1f249-1f3fa 1f400-1f53d 1f546-1f64f
        1f680-1f6ff 1f774-1f77f 1f7d5-1f7ff 1f80c-1f80f 1f848-1f84f 1f85a-1f85f 1f888-1f88f 1f8ae-1f8ff
        1f90c-1f93a 1f93c-1f945 1f947-1faff 1fc00-1fffd
        """
}
