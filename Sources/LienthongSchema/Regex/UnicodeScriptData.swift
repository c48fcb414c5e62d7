// GENERATED from the Unicode Character Database (Scripts.txt and ScriptExtensions.txt 18.0;
// Emoji_Component and Extended_Pictographic 17.0) by a one-off script; do not edit by hand. Read through
// `UnicodeScriptTable` and `UnicodePropertyResolver`, which parse it on first use.

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
        0:b0 41:4a 5b:b0 61:4a 7b:b0 aa:4a ab:b0 ba:4a bb:b0 c0:4a d7:b0 d8:4a f7:b0 f8:4a 2b9:b0 2e0:4a
        2e5:b0 2ea:e 2ec:b0 300:af 370:2d 374:b0 375:2d 378:b1 37a:2d 37e:b0 37f:2d 380:b1 384:2d 385:b0
        386:2d 387:b0 388:2d 38b:b1 38c:2d 38d:b1 38e:2d 3a2:b1 3a3:2d 3e2:19 3f0:2d 400:1c 485:af 487:1c
        530:b1 531:5 557:b1 558:5 590:b1 591:35 5ca:b1 5d0:35 5eb:b1 5ef:35 5f5:b1 600:3 605:b0 606:3
        60c:b0 60d:3 61b:b0 61c:3 61f:b0 620:3 640:b0 641:3 64b:af 656:3 670:af 671:3 6dd:b0 6de:3 700:90
        70e:b1 70f:90 74b:b1 74d:90 750:3 780:9c 7b2:b1 7c0:67 7fb:b1 7fd:67 800:7e 82e:b1 830:7e 83f:b1
        840:54 85c:b1 85e:54 85f:b1 860:90 86b:b1 870:3 892:b1 897:3 8e2:b0 8e3:3 900:1d 951:af 955:1d
        964:b0 966:1d 980:b 984:b1 985:b 98d:b1 98f:b 991:b1 993:b 9a9:b1 9aa:b 9b1:b1 9b2:b 9b3:b1 9b6:b
        9ba:b1 9bc:b 9c5:b1 9c7:b 9c9:b1 9cb:b 9cf:b1 9d7:b 9d8:b1 9dc:b 9de:b1 9df:b 9e4:b1 9e6:b 9ff:b1
        a01:30 a04:b1 a05:30 a0b:b1 a0f:30 a11:b1 a13:30 a29:b1 a2a:30 a31:b1 a32:30 a34:b1 a35:30 a37:b1
        a38:30 a3a:b1 a3c:30 a3d:b1 a3e:30 a43:b1 a47:30 a49:b1 a4b:30 a4e:b1 a51:30 a52:b1 a59:30 a5d:b1
        a5e:30 a5f:b1 a66:30 a77:b1 a81:2e a84:b1 a85:2e a8e:b1 a8f:2e a92:b1 a93:2e aa9:b1 aaa:2e ab1:b1
        ab2:2e ab4:b1 ab5:2e aba:b1 abc:2e ac6:b1 ac7:2e aca:b1 acb:2e ace:b1 ad0:2e ad1:b1 ae0:2e ae4:b1
        ae6:2e af2:b1 af9:2e b00:b1 b01:6d b04:b1 b05:6d b0d:b1 b0f:6d b11:b1 b13:6d b29:b1 b2a:6d b31:b1
        b32:6d b34:b1 b35:6d b3a:b1 b3c:6d b45:b1 b47:6d b49:b1 b4b:6d b4e:b1 b53:6d b58:b1 b5c:6d b5e:b1
        b5f:6d b64:b1 b66:6d b78:b1 b82:95 b84:b1 b85:95 b8b:b1 b8e:95 b91:b1 b92:95 b96:b1 b99:95 b9b:b1
        b9c:95 b9d:b1 b9e:95 ba0:b1 ba3:95 ba5:b1 ba8:95 bab:b1 bae:95 bba:b1 bbe:95 bc3:b1 bc6:95 bc9:b1
        bca:95 bce:b1 bd0:95 bd1:b1 bd7:95 bd8:b1 be6:95 bfb:b1 c00:99 c0d:b1 c0e:99 c11:b1 c12:99 c29:b1
        c2a:99 c3a:b1 c3c:99 c45:b1 c46:99 c49:b1 c4a:99 c4e:b1 c55:99 c57:b1 c58:99 c5b:b1 c5c:99 c5e:b1
        c60:99 c64:b1 c66:99 c70:b1 c77:99 c80:45 c8d:b1 c8e:45 c91:b1 c92:45 ca9:b1 caa:45 cb4:b1 cb5:45
        cba:b1 cbc:45 cc5:b1 cc6:45 cc9:b1 cca:45 cce:b1 cd5:45 cd7:b1 cdc:45 cdf:b1 ce0:45 ce4:b1 ce6:45
        cf0:b1 cf1:45 cf4:b1 d00:5b d0d:b1 d0e:5b d11:b1 d12:5b d45:b1 d46:5b d49:b1 d4a:5b d50:b1 d54:5b
        d64:b1 d66:5b d80:b1 d81:88 d84:b1 d85:88 d97:b1 d9a:88 db2:b1 db3:88 dbc:b1 dbd:88 dbe:b1 dc0:88
        dc7:b1 dca:88 dcb:b1 dcf:88 dd5:b1 dd6:88 dd7:b1 dd8:88 de0:b1 de6:88 df0:b1 df2:88 df5:b1 e01:9d
        e3b:b1 e3f:b0 e40:9d e5c:b1 e81:49 e83:b1 e84:49 e85:b1 e86:49 e8b:b1 e8c:49 ea4:b1 ea5:49 ea6:b1
        ea7:49 ebe:b1 ec0:49 ec5:b1 ec6:49 ec7:b1 ec8:49 ecf:b1 ed0:49 eda:b1 edc:49 ee0:b1 f00:9e f48:b1
        f49:9e f6d:b1 f71:9e f98:b1 f99:9e fbd:b1 fbe:9e fcd:b1 fce:9e fd5:b0 fd9:9e fdb:b1 1000:61 10a0:27
        10c6:b1 10c7:27 10c8:b1 10cd:27 10ce:b1 10d0:27 10fb:b0 10fc:27 1100:31 1200:25 1249:b1 124a:25
        124e:b1 1250:25 1257:b1 1258:25 1259:b1 125a:25 125e:b1 1260:25 1289:b1 128a:25 128e:b1 1290:25
        12b1:b1 12b2:25 12b6:b1 12b8:25 12bf:b1 12c0:25 12c1:b1 12c2:25 12c6:b1 12c8:25 12d7:b1 12d8:25
        1311:b1 1312:25 1316:b1 1318:25 135b:b1 135d:25 137d:b1 1380:25 139a:b1 13a0:17 13f6:b1 13f8:17
        13fe:b1 1400:14 1680:69 169d:b1 16a0:7d 16eb:b0 16ee:7d 16f9:b1 1700:9b 1716:b1 171f:9b 1720:33
        1735:b0 1737:b1 1740:12 1754:b1 1760:91 176d:b1 176e:91 1771:b1 1772:91 1774:b1 1780:42 17de:b1
        17e0:42 17ea:b1 17f0:42 17fa:b1 1800:5d 1802:b0 1804:5d 1805:b0 1806:5d 181a:b1 1820:5d 1879:b1
        1880:5d 18ab:b1 18b0:14 18f6:b1 1900:4c 191f:b1 1920:4c 192c:b1 1930:4c 193c:b1 1940:4c 1941:b1
        1944:4c 1950:93 196e:b1 1970:93 1975:b1 1980:94 19ac:b1 19b0:94 19ca:b1 19d0:94 19db:b1 19de:94
        19e0:42 1a00:11 1a1c:b1 1a1e:11 1a20:48 1a5f:b1 1a60:48 1a7d:b1 1a7f:48 1a8a:b1 1a90:48 1a9a:b1
        1aa0:48 1aae:b1 1ab0:af 1af1:b1 1b00:7 1b4d:b1 1b4e:7 1b80:8d 1bc0:a 1bf4:b1 1bfc:a 1c00:4b 1c38:b1
        1c3b:4b 1c4a:b1 1c4d:4b 1c50:6a 1c80:1c 1c8b:b1 1c90:27 1cbb:b1 1cbd:27 1cc0:8d 1cc8:b1 1cd0:af
        1cd3:b0 1cd4:af 1ce1:b0 1ce2:af 1ce9:b0 1ced:af 1cee:b0 1cf4:af 1cf5:b0 1cf8:af 1cfa:b0 1cfb:b1
        1d00:4a 1d26:2d 1d2b:1c 1d2c:4a 1d5d:2d 1d62:4a 1d66:2d 1d6b:4a 1d78:1c 1d79:4a 1dbf:2d 1dc0:af
        1e00:4a 1f00:2d 1f16:b1 1f18:2d 1f1e:b1 1f20:2d 1f46:b1 1f48:2d 1f4e:b1 1f50:2d 1f58:b1 1f59:2d
        1f5a:b1 1f5b:2d 1f5c:b1 1f5d:2d 1f5e:b1 1f5f:2d 1f7e:b1 1f80:2d 1fb5:b1 1fb6:2d 1fc5:b1 1fc6:2d
        1fd4:b1 1fd6:2d 1fdc:b1 1fdd:2d 1ff0:b1 1ff2:2d 1ff5:b1 1ff6:2d 1fff:b1 2000:b0 200c:af 200e:b0
        2065:b1 2066:b0 2071:4a 2072:b1 2074:b0 207f:4a 2080:b0 2090:4a 20a0:b0 20c5:b1 20d0:af 20f1:b1
        2100:b0 2126:2d 2127:b0 212a:4a 212c:b0 2132:4a 2133:b0 214e:4a 214f:b0 2160:4a 2189:b0 218c:b1
        2190:b0 242a:b1 2440:b0 244b:b1 2460:b0 2800:10 2900:b0 2b74:b1 2b76:b0 2c00:28 2c60:4a 2c80:19
        2cf4:b1 2cf9:19 2d00:27 2d26:b1 2d27:27 2d28:b1 2d2d:27 2d2e:b1 2d30:9a 2d68:b1 2d6f:9a 2d71:b1
        2d7f:9a 2d80:25 2d97:b1 2da0:25 2da7:b1 2da8:25 2daf:b1 2db0:25 2db7:b1 2db8:25 2dbf:b1 2dc0:25
        2dc7:b1 2dc8:25 2dcf:b1 2dd0:25 2dd7:b1 2dd8:25 2ddf:b1 2de0:1c 2e00:b0 2e5e:b1 2e60:b0 2e64:b1
        2e80:32 2e9a:b1 2e9b:32 2ef4:b1 2f00:32 2fd6:b1 2ff0:b0 3005:32 3006:b0 3007:32 3008:b0 3021:32
        302a:af 302e:31 3030:b0 3038:32 303c:b0 3040:b1 3041:36 3097:b1 3099:af 309b:b0 309d:36 30a0:b0
        30a1:3f 30fb:b0 30fd:3f 3100:b1 3105:e 3130:b1 3131:31 318f:b1 3190:b0 31a0:e 31c0:b0 31e6:b1
        31ef:b0 31f0:3f 3200:31 321f:b1 3220:b0 3260:31 327f:b0 32d0:3f 32ff:b0 3300:3f 3358:b0 3400:32
        4dc0:b0 4e00:32 a000:ad a48d:b1 a490:ad a4c7:b1 a4d0:4f a500:a6 a62c:b1 a640:1c a6a0:8 a6f8:b1
        a700:b0 a722:4a a788:b0 a78b:4a a7de:b1 a7e2:4a a7e3:b1 a7f1:4a a800:8f a82d:b1 a830:b0 a83a:b1
        a840:75 a878:b1 a880:80 a8c6:b1 a8ce:80 a8da:b1 a8e0:1d a900:3e a92e:b0 a92f:3e a930:7b a954:b1
        a95f:7b a960:31 a97d:b1 a980:3c a9ce:b1 a9cf:b0 a9d0:3c a9da:b1 a9de:3c a9e0:61 a9ff:b1 aa00:16
        aa37:b1 aa40:16 aa4e:b1 aa50:16 aa5a:b1 aa5c:16 aa60:61 aa80:97 aac3:b1 aadb:97 aae0:5f aaf7:b1
        ab01:25 ab07:b1 ab09:25 ab0f:b1 ab11:25 ab17:b1 ab20:25 ab27:b1 ab28:25 ab2f:b1 ab30:4a ab5b:b0
        ab5c:4a ab65:2d ab66:4a ab6a:b0 ab6c:4a ab6e:b1 ab70:17 abc0:5f abee:b1 abf0:5f abfa:b1 ac00:31
        d7a4:b1 d7b0:31 d7c7:b1 d7cb:31 d7fc:b1 f900:32 fa6e:b1 fa70:32 fada:b1 fb00:4a fb07:b1 fb13:5
        fb18:b1 fb1d:35 fb37:b1 fb38:35 fb3d:b1 fb3e:35 fb3f:b1 fb40:35 fb42:b1 fb43:35 fb45:b1 fb46:35
        fb50:3 fd3e:b0 fd40:3 fdd0:b1 fdf0:3 fe00:af fe10:b0 fe1a:b1 fe20:af fe2e:1c fe30:b0 fe53:b1
        fe54:b0 fe67:b1 fe68:b0 fe6c:b1 fe70:3 fe75:b1 fe76:3 fefd:b1 feff:b0 ff00:b1 ff01:b0 ff21:4a
        ff3b:b0 ff41:4a ff5b:b0 ff66:3f ff70:b0 ff71:3f ff9e:b0 ffa0:31 ffbf:b1 ffc2:31 ffc8:b1 ffca:31
        ffd0:b1 ffd2:31 ffd8:b1 ffda:31 ffdd:b1 ffe0:b0 ffe7:b1 ffe8:b0 ffef:b1 fff9:b0 fffe:b1 10000:4e
        1000c:b1 1000d:4e 10027:b1 10028:4e 1003b:b1 1003c:4e 1003e:b1 1003f:4e 1004e:b1 10050:4e 1005e:b1
        10080:4e 100fb:b1 10100:b0 10103:b1 10107:b0 10134:b1 10137:b0 10140:2d 1018f:b1 10190:b0 1019d:b1
        101a0:2d 101a1:b1 101d0:b0 101fd:af 101fe:b1 10280:50 1029d:b1 102a0:15 102d1:b1 102e0:af 102e1:b0
        102fc:b1 10300:3b 10324:b1 1032d:3b 10330:2b 1034b:b1 10350:74 1037b:b1 10380:a5 1039e:b1 1039f:a5
        103a0:aa 103c4:b1 103c8:aa 103d6:b1 10400:20 10450:83 10480:6f 1049e:b1 104a0:6f 104aa:b1 104b0:6e
        104d4:b1 104d8:6e 104fc:b1 10500:23 10528:b1 10530:1 10564:b1 1056f:1 10570:a7 1057b:b1 1057c:a7
        1058b:b1 1058c:a7 10593:b1 10594:a7 10596:b1 10597:a7 105a2:b1 105a3:a7 105b2:b1 105b3:a7 105ba:b1
        105bb:a7 105bd:b1 105c0:a1 105f4:b1 10600:4d 10737:b1 10740:4d 10756:b1 10760:4d 10768:b1 10780:4a
        10786:b1 10787:4a 107b1:b1 107b2:4a 107c0:b1 10800:1b 10806:b1 10808:1b 10809:b1 1080a:1b 10836:b1
        10837:1b 10839:b1 1083c:1b 1083d:b1 1083f:1b 10840:4 10856:b1 10857:4 10860:71 10880:65 1089f:b1
        108a7:65 108b0:b1 108e0:34 108f3:b1 108f4:34 108f6:b1 108fb:34 10900:78 1091c:b1 1091f:78 10920:51
        1093a:b1 1093f:51 10940:86 1095a:b1 10980:5a 109a0:59 109b8:b1 109bc:59 109d0:b1 109d2:59 10a00:41
        10a04:b1 10a05:41 10a07:b1 10a0c:41 10a14:b1 10a15:41 10a18:b1 10a19:41 10a36:b1 10a38:41 10a3b:b1
        10a3f:41 10a49:b1 10a50:41 10a59:b1 10a60:7f 10a80:64 10aa0:b1 10ac0:55 10ae7:b1 10aeb:55 10af7:b1
        10b00:6 10b36:b1 10b39:6 10b40:7a 10b56:b1 10b58:7a 10b60:76 10b73:b1 10b78:76 10b80:77 10b92:b1
        10b99:77 10b9d:b1 10ba9:77 10bb0:b1 10c00:6c 10c49:b1 10c80:3a 10cb3:b1 10cc0:3a 10cf3:b1 10cfa:3a
        10d00:7c 10d28:b1 10d30:7c 10d3a:b1 10d40:26 10d66:b1 10d69:26 10d86:b1 10d8e:26 10d90:b1 10e60:3
        10e7f:b1 10e80:ac 10eaa:b1 10eab:ac 10eae:b1 10eb0:ac 10eb2:b1 10ec2:3 10ec8:b1 10ec9:3 10eef:b1
        10ef0:3 10f00:8a 10f28:b1 10f30:89 10f5a:b1 10f70:70 10f8a:b1 10fb0:18 10fcc:b1 10fe0:24 10ff7:b1
        11000:f 1104e:b1 11052:f 11076:b1 1107f:f 11080:47 110c3:b1 110cd:47 110ce:b1 110d0:8b 110e9:b1
        110f0:8b 110fa:b1 11100:13 11135:b1 11136:13 11148:b1 11150:52 11177:b1 11180:84 111e0:b1 111e1:88
        111f5:b1 11200:43 11212:b1 11213:43 11242:b1 11280:60 11287:b1 11288:60 11289:b1 1128a:60 1128e:b1
        1128f:60 1129e:b1 1129f:60 112aa:b1 112b0:87 112eb:b1 112f0:87 112fa:b1 11300:2c 11304:b1 11305:2c
        1130d:b1 1130f:2c 11311:b1 11313:2c 11329:b1 1132a:2c 11331:b1 11332:2c 11334:b1 11335:2c 1133a:b1
        1133b:af 1133c:2c 11345:b1 11347:2c 11349:b1 1134b:2c 1134e:b1 11350:2c 11351:b1 11357:2c 11358:b1
        1135d:2c 11364:b1 11366:2c 1136d:b1 11370:2c 11375:b1 11380:a4 1138a:b1 1138b:a4 1138c:b1 1138e:a4
        1138f:b1 11390:a4 113b6:b1 113b7:a4 113c1:b1 113c2:a4 113c3:b1 113c5:a4 113c6:b1 113c7:a4 113cb:b1
        113cc:a4 113d6:b1 113d7:a4 113d9:b1 113e1:a4 113e3:b1 11400:66 1145c:b1 1145d:66 11462:b1 11480:9f
        114c8:b1 114d0:9f 114da:b1 11580:85 115b6:b1 115b8:85 115de:b1 11600:5c 11645:b1 11650:5c 1165a:b1
        11660:5d 1166d:b1 11680:92 116ba:b1 116c0:92 116ca:b1 116d0:61 116e4:b1 11700:2 1171b:b1 1171d:2
        1172c:b1 11730:2 11747:b1 11800:1f 1183c:b1 118a0:a8 118f3:b1 118ff:a8 11900:1e 11907:b1 11909:1e
        1190a:b1 1190c:1e 11914:b1 11915:1e 11917:b1 11918:1e 11936:b1 11937:1e 11939:b1 1193b:1e 11947:b1
        11950:1e 1195a:b1 119a0:63 119a8:b1 119aa:63 119d8:b1 119da:63 119e5:b1 11a00:ae 11a48:b1 11a50:8c
        11aa3:b1 11ab0:14 11ac0:72 11af9:b1 11b00:1d 11b0b:b1 11b60:84 11b68:b1 11bc0:8e 11be2:b1 11bf0:8e
        11bfa:b1 11c00:d 11c09:b1 11c0a:d 11c37:b1 11c38:d 11c46:b1 11c50:d 11c6d:b1 11c70:56 11c90:b1
        11c92:56 11ca8:b1 11ca9:56 11cb7:b1 11d00:2a 11d07:b1 11d08:2a 11d0a:b1 11d0b:2a 11d37:b1 11d3a:2a
        11d3b:b1 11d3c:2a 11d3e:b1 11d3f:2a 11d48:b1 11d50:2a 11d5a:b1 11d60:29 11d66:b1 11d67:29 11d69:b1
        11d6a:29 11d8f:b1 11d90:29 11d92:b1 11d93:29 11d99:b1 11da0:29 11daa:b1 11db0:a2 11ddc:b1 11de0:a2
        11dea:b1 11df0:b 11df2:b1 11ee0:53 11ef9:b1 11f00:40 11f11:b1 11f12:40 11f3b:b1 11f3e:40 11f5b:b1
        11fb0:4f 11fb1:b1 11fc0:95 11ff2:b1 11fff:95 12000:ab 1239a:b1 12400:ab 12544:b1 12550:ab 125a8:73
        1264c:ab 12687:b1 12f90:1a 12ff3:b1 13000:22 13456:b1 13460:22 143fb:b1 14400:37 14647:b1 16100:2f
        1613a:b1 16800:8 16a39:b1 16a40:5e 16a5f:b1 16a60:5e 16a6a:b1 16a6e:5e 16a70:a0 16abf:b1 16ac0:a0
        16aca:b1 16ad0:9 16aee:b1 16af0:9 16af6:b1 16b00:38 16b46:b1 16b50:38 16b5a:b1 16b5b:38 16b62:b1
        16b63:38 16b78:b1 16b7d:38 16b90:b1 16d40:46 16d7a:b1 16e40:57 16e9b:b1 16ea0:c 16eb9:b1 16ebb:c
        16ed4:b1 16f00:79 16f4b:b1 16f4f:79 16f88:b1 16f8f:79 16fa0:b1 16fe0:96 16fe1:68 16fe2:32 16fe4:44
        16fe5:b1 16ff0:32 16ff7:b1 17000:96 18b00:44 18cdb:b1 18cff:44 18d00:96 18d21:b1 18d80:96 18df3:b1
        18e00:3d 19192:b1 191a0:3d 191d3:b1 1aff0:3f 1aff4:b1 1aff5:3f 1affc:b1 1affd:3f 1afff:b1 1b000:3f
        1b001:36 1b120:3f 1b123:36 1b124:3f 1b129:b1 1b132:36 1b133:b1 1b150:36 1b153:b1 1b155:3f 1b156:b1
        1b164:3f 1b169:b1 1b170:68 1b2fc:b1 1bc00:21 1bc6b:b1 1bc70:21 1bc7d:b1 1bc80:21 1bc89:b1 1bc90:21
        1bc9a:b1 1bc9c:21 1bca0:b0 1bca4:b1 1cc00:b0 1ccfd:b1 1cd00:b0 1ceb4:b1 1ceba:b0 1ced1:b1 1ced2:b0
        1ced5:b1 1cedd:b0 1cefe:b1 1cf00:af 1cf2e:b1 1cf30:af 1cf47:b1 1cf50:b0 1cfc4:b1 1d000:b0 1d0f6:b1
        1d100:b0 1d127:af 1d129:b0 1d167:af 1d16a:b0 1d17b:af 1d183:b0 1d185:af 1d18c:b0 1d1aa:af 1d1ae:b0
        1d200:2d 1d246:b1 1d250:b0 1d25b:af 1d25d:b0 1d282:b1 1d2c0:b0 1d2d4:b1 1d2e0:b0 1d2f4:b1 1d300:b0
        1d357:b1 1d360:b0 1d379:b1 1d400:b0 1d455:b1 1d456:b0 1d49d:b1 1d49e:b0 1d4a0:b1 1d4a2:b0 1d4a3:b1
        1d4a5:b0 1d4a7:b1 1d4a9:b0 1d4ad:b1 1d4ae:b0 1d4ba:b1 1d4bb:b0 1d4bc:b1 1d4bd:b0 1d4c4:b1 1d4c5:b0
        1d506:b1 1d507:b0 1d50b:b1 1d50d:b0 1d515:b1 1d516:b0 1d51d:b1 1d51e:b0 1d53a:b1 1d53b:b0 1d53f:b1
        1d540:b0 1d545:b1 1d546:b0 1d547:b1 1d54a:b0 1d551:b1 1d552:b0 1d6a7:b1 1d6a8:b0 1d7cc:b1 1d7ce:b0
        1d800:82 1da8c:b1 1da9b:82 1daa0:b1 1daa1:82 1dab0:b1 1db00:b0 1db1d:b1 1df00:4a 1df82:b1 1df90:4a
        1df97:b1 1dfcd:4a 1dff3:2d 1dff5:4a 1e000:28 1e007:b1 1e008:28 1e019:b1 1e01b:28 1e022:b1 1e023:28
        1e025:b1 1e026:28 1e02b:b1 1e030:1c 1e06e:b1 1e08f:1c 1e090:b1 1e100:39 1e12d:b1 1e130:39 1e13e:b1
        1e140:39 1e14a:b1 1e14e:39 1e150:b1 1e290:a3 1e2af:b1 1e2c0:a9 1e2fa:b1 1e2ff:a9 1e300:b1 1e4d0:62
        1e4fa:b1 1e5d0:6b 1e5fb:b1 1e5ff:6b 1e600:b1 1e6c0:98 1e6df:b1 1e6e0:98 1e6f6:b1 1e6fe:98 1e700:b1
        1e7e0:25 1e7e7:b1 1e7e8:25 1e7ec:b1 1e7ed:25 1e7ef:b1 1e7f0:25 1e7ff:b1 1e800:58 1e8c5:b1 1e8c7:58
        1e8d7:b1 1e900:0 1e94c:b1 1e950:0 1e95a:b1 1e95e:0 1e960:b1 1ec71:b0 1ecb5:b1 1ed01:b0 1ed3e:b1
        1ee00:3 1ee04:b1 1ee05:3 1ee20:b1 1ee21:3 1ee23:b1 1ee24:3 1ee25:b1 1ee27:3 1ee28:b1 1ee29:3
        1ee33:b1 1ee34:3 1ee38:b1 1ee39:3 1ee3a:b1 1ee3b:3 1ee3c:b1 1ee42:3 1ee43:b1 1ee47:3 1ee48:b1
        1ee49:3 1ee4a:b1 1ee4b:3 1ee4c:b1 1ee4d:3 1ee50:b1 1ee51:3 1ee53:b1 1ee54:3 1ee55:b1 1ee57:3
        1ee58:b1 1ee59:3 1ee5a:b1 1ee5b:3 1ee5c:b1 1ee5d:3 1ee5e:b1 1ee5f:3 1ee60:b1 1ee61:3 1ee63:b1
        1ee64:3 1ee65:b1 1ee67:3 1ee6b:b1 1ee6c:3 1ee73:b1 1ee74:3 1ee78:b1 1ee79:3 1ee7d:b1 1ee7e:3
        1ee7f:b1 1ee80:3 1ee8a:b1 1ee8b:3 1ee9c:b1 1eea1:3 1eea4:b1 1eea5:3 1eeaa:b1 1eeab:3 1eebc:b1
        1eef0:3 1eef2:b1 1f000:b0 1f02c:b1 1f030:b0 1f094:b1 1f0a0:b0 1f0af:b1 1f0b1:b0 1f0c0:b1 1f0c1:b0
        1f0d0:b1 1f0d1:b0 1f0f6:b1 1f100:b0 1f1af:b1 1f1e6:b0 1f200:36 1f201:b0 1f203:b1 1f210:b0 1f23c:b1
        1f240:b0 1f249:b1 1f250:b0 1f252:b1 1f260:b0 1f266:b1 1f300:b0 1f6da:b1 1f6dc:b0 1f6ed:b1 1f6f0:b0
        1f6fd:b1 1f700:b0 1f7dc:b1 1f7e0:b0 1f7ec:b1 1f7f0:b0 1f80c:b1 1f810:b0 1f848:b1 1f850:b0 1f85a:b1
        1f860:b0 1f888:b1 1f890:b0 1f8ae:b1 1f8b0:b0 1f8bc:b1 1f8c0:b0 1f8c2:b1 1f8d0:b0 1f8d9:b1 1f900:b0
        1fa58:b1 1fa60:b0 1fa6e:b1 1fa70:b0 1fa7d:b1 1fa80:b0 1fac7:b1 1fac8:b0 1fac9:b1 1facc:b0 1fade:b1
        1fadf:b0 1faec:b1 1faef:b0 1fafb:b1 1fb00:b0 1fb93:b1 1fb94:b0 1fbfb:b1 20000:32 2a6e0:b1 2a700:32
        2b81f:b1 2b820:32 2ceae:b1 2ceb0:32 2ebe1:b1 2ebf0:32 2ee5e:b1 2f800:32 2fa1e:b1 30000:32 3134b:b1
        31350:32 3347a:b1 3d000:81 3fc40:b1 e0001:b0 e0002:b1 e0020:b0 e0080:b1 e0100:af e01f0:b1
        """

    /// `start-end:id,id…` in hexadecimal: code points whose Script_Extensions differ from their Script.
    static let extensionRanges = """
        b7-b7:6,15,19,21,23,27,28,29,2b,2d,32,4a,51,52,74,83 2bc-2bc:b,1c,1d,4a,4f,9d,a3 2c7-2c7:e,4a
        2c9-2cb:e,4a 2cd-2cd:4a,4f 2d7-2d7:4a,9d 2d9-2d9:e,4a 300-300:17,19,1c,2d,4a,74,8e,93
        301-301:17,1c,2d,4a,6e,8e,93,a1 302-302:17,1c,4a,9a 303-303:28,4a,8e,90,9d
        304-304:1,17,19,1c,2b,2d,4a,6e,90,9a,a1 305-305:19,23,28,2b,3f,4a 306-306:1c,2d,4a,74,9a
        307-307:19,21,35,4a,74,90,93,9a,a1 308-308:5,1c,21,2b,2d,35,4a,74,90,93,9a 309-309:4a,9a
        30a-30a:21,4a,90 30b-30b:17,1c,4a,6e 30c-30c:17,4a,93 30d-30d:4a,8e 30e-30e:25,4a 310-310:4a,8e
        311-311:1c,4a,a1 313-313:2d,4a,74,a1 323-323:17,21,3f,4a,90,9a 324-324:17,21,4a,90 325-325:4a,90
        32d-32d:4a,8e,90 32e-32e:4a,90 330-330:17,4a,90 331-331:1,17,2b,4a,8e,90,9d 342-342:2d 345-345:2d
        358-358:4a,6e 35e-35e:1,4a,a1 363-36f:4a 374-375:19,2d 483-483:1c,74 484-484:1c,28 485-486:1c,4a
        487-487:1c,28 589-589:5,27,28 60c-60c:3,26,67,7c,90,9c,ac 61b-61b:3,26,67,7c,90,9c,ac
        61c-61c:3,90,9c 61f-61f:0,3,26,67,7c,90,9c,ac 640-640:0,3,54,55,70,77,7c,89,90 64b-655:3,90
        660-669:3,9c,ac 670-670:3,90 6d4-6d4:3,7c 951-951:b,1d,2c,2e,30,45,4a,5b,63,66,6d,84,95,99,9f
        952-952:b,1d,2c,2e,30,45,4a,5b,66,6d,95,99,9f
        964-964:b,1d,1f,29,2a,2c,2e,30,45,52,5b,63,6b,6d,87,88,8f,92,95,99,9f
        965-965:b,1d,1f,29,2a,2c,2e,2f,30,45,4c,52,5b,63,6b,6d,87,88,8f,92,95,99,9f 966-96f:1d,1f,47,52
        9e6-9ef:b,13,8f a66-a6f:30,60 ae6-aef:2e,43 b83-b83:45,5b,95,99 be6-bf3:2c,95 ce6-cef:45,63,a4
        1040-1049:13,61,93 10fb-10fb:27,28,4a 16eb-16ed:7d 1735-1736:12,33,91,9b 1802-1803:5d,75
        1805-1805:5d,75 1cd0-1cd0:b,1d,2c,45 1cd1-1cd1:1d 1cd2-1cd2:b,1d,2c,45 1cd3-1cd3:1d,2c,45
        1cd4-1cd4:1d 1cd5-1cd5:b,1d,66,99,9f 1cd6-1cd6:b,1d,99 1cd7-1cd7:1d,66,84 1cd8-1cd8:b,1d,66,99
        1cd9-1cd9:1d,84 1cda-1cda:1d,45,5b,6d,95,99 1cdb-1cdb:1d 1cdc-1cdd:1d,84 1cde-1cdf:1d
        1ce0-1ce0:1d,84 1ce1-1ce1:b,1d 1ce2-1ce2:1d,66,9f 1ce3-1ce8:1d 1ce9-1ce9:1d,63,66 1cea-1cea:b,1d,84
        1ceb-1ceb:1d,66 1cec-1cec:1d 1ced-1ced:b,1d,66,84 1cee-1cf1:1d
        1cf2-1cf2:b,1d,2c,45,5b,63,6d,88,99,9f,a4 1cf3-1cf3:1d,2c 1cf4-1cf4:1d,2c,45,a4 1cf5-1cf7:b
        1cf8-1cf9:1d,2c 1cfa-1cfa:63 1dc0-1dc1:2d 1df8-1df8:1c,4a,90 1dfa-1dfa:90 202f-202f:4a,5d,75
        204f-204f:0,3 205a-205a:15,27,28,3a,50,6c 205d-205d:15,2d,3a,5a 20f0-20f0:1d,2c,4a 2e17-2e17:19,4a
        2e30-2e30:6,6c 2e31-2e31:6,15,27,3a,47,51,7e 2e3c-2e3c:21 2e41-2e41:0,3,3a 2e43-2e43:1c,28
        2ff0-2fff:32,96 3001-3001:e,31,32,36,3f,5d,ad 3002-3002:e,31,32,36,3f,5d,75,ad
        3003-3003:e,31,32,36,3f 3006-3006:32 3008-3009:e,31,32,36,3f,5d,9e,ad
        300a-300b:e,31,32,36,3f,4f,5d,9e,ad 300c-3011:e,31,32,36,3f,ad 3013-3013:e,31,32,36,3f
        3014-301b:e,31,32,36,3f,ad 301c-301f:e,31,32,36,3f 302a-302d:e,32 3030-3030:e,31,32,36,3f
        3031-3035:36,3f 3037-3037:e,31,32,36,3f 303c-303d:32,36,3f 303e-303f:32 3099-309c:36,3f
        30a0-30a0:36,3f 30fb-30fb:e,31,32,36,3f,ad 30fc-30fc:36,3f 3190-319f:32 31c0-31e5:32
        31ef-31ef:32,96 3220-3247:32 3280-32b0:32 32c0-32cb:32 32ff-32ff:32 3358-3370:32 337b-337f:32
        33e0-33fe:32 a66f-a66f:1c,28 a700-a707:32,4a
        a830-a832:1d,1f,2e,30,43,45,47,52,5b,5c,63,84,87,92,9f,a4
        a833-a835:1d,1f,2e,30,43,45,47,52,5c,63,84,87,92,9f,a4 a836-a837:1d,1f,2e,30,43,47,52,5c,87,92,9f
        a838-a838:1d,1f,2e,30,43,47,52,5c,84,87,92,9f a839-a839:1d,1f,2e,30,43,47,52,5c,87,92,9f
        a8f1-a8f1:b,1d,a4 a8f3-a8f3:1d,95 a92e-a92e:3e,4a,61 a9cf-a9cf:11,3c fd3e-fd3f:3,67 fdf2-fdf2:3,9c
        fdfd-fdfd:3,9c fe45-fe46:e,31,32,36,3f ff61-ff65:e,31,32,36,3f,ad ff70-ff70:36,3f ff9e-ff9f:36,3f
        10100-10101:1a,1b,4e 10102-10102:1b,4e 10107-10133:1b,4d,4e 10137-1013f:1b,4e 102e0-102fb:3,19
        10af2-10af2:55,70 11301-11301:2c,95 11303-11303:2c,95 1133b-1133c:2c,95 11fd0-11fd1:2c,95
        11fd3-11fd3:2c,95 12550-12586:73,ab 1258c-1258d:73,ab 1259a-125a7:73,ab 1bca0-1bca3:21
        1d360-1d371:32 1f250-1f251:32
        """

    /// `start-end` ranges in hexadecimal of the Emoji_Component property.
    static let emojiComponent = """
        23-23 2a-2a 30-39 200d-200d 20e3-20e3 fe0f-fe0f 1f1e6-1f1ff 1f3fb-1f3ff 1f9b0-1f9b3 e0020-e007f
        """

    /// `start-end` ranges in hexadecimal of the Extended_Pictographic property.
    static let extendedPictographic = """
        a9-a9 ae-ae 203c-203c 2049-2049 2122-2122 2139-2139 2194-2199 21a9-21aa 231a-231b 2328-2328
        23cf-23cf 23e9-23f3 23f8-23fa 24c2-24c2 25aa-25ab 25b6-25b6 25c0-25c0 25fb-25fe 2600-2604 260e-260e
        2611-2611 2614-2615 2618-2618 261d-261d 2620-2620 2622-2623 2626-2626 262a-262a 262e-262f 2638-263a
        2640-2640 2642-2642 2648-2653 265f-2660 2663-2663 2665-2666 2668-2668 267b-267b 267e-267f 2692-2697
        2699-2699 269b-269c 26a0-26a1 26a7-26a7 26aa-26ab 26b0-26b1 26bd-26be 26c4-26c5 26c8-26c8 26ce-26cf
        26d1-26d1 26d3-26d4 26e9-26ea 26f0-26f5 26f7-26fa 26fd-26fd 2702-2702 2705-2705 2708-270d 270f-270f
        2712-2712 2714-2714 2716-2716 271d-271d 2721-2721 2728-2728 2733-2734 2744-2744 2747-2747 274c-274c
        274e-274e 2753-2755 2757-2757 2763-2764 2795-2797 27a1-27a1 27b0-27b0 27bf-27bf 2934-2935 2b05-2b07
        2b1b-2b1c 2b50-2b50 2b55-2b55 3030-3030 303d-303d 3297-3297 3299-3299 1f004-1f004 1f02c-1f02f
        1f094-1f09f 1f0af-1f0b0 1f0c0-1f0c0 1f0cf-1f0d0 1f0f6-1f0ff 1f170-1f171 1f17e-1f17f 1f18e-1f18e
        1f191-1f19a 1f1ae-1f1e5 1f201-1f20f 1f21a-1f21a 1f22f-1f22f 1f232-1f23a 1f23c-1f23f 1f249-1f25f
        1f266-1f321 1f324-1f393 1f396-1f397 1f399-1f39b 1f39e-1f3f0 1f3f3-1f3f5 1f3f7-1f3fa 1f400-1f4fd
        1f4ff-1f53d 1f549-1f54e 1f550-1f567 1f56f-1f570 1f573-1f57a 1f587-1f587 1f58a-1f58d 1f590-1f590
        1f595-1f596 1f5a4-1f5a5 1f5a8-1f5a8 1f5b1-1f5b2 1f5bc-1f5bc 1f5c2-1f5c4 1f5d1-1f5d3 1f5dc-1f5de
        1f5e1-1f5e1 1f5e3-1f5e3 1f5e8-1f5e8 1f5ef-1f5ef 1f5f3-1f5f3 1f5fa-1f64f 1f680-1f6c5 1f6cb-1f6d2
        1f6d5-1f6e5 1f6e9-1f6e9 1f6eb-1f6f0 1f6f3-1f6ff 1f7da-1f7ff 1f80c-1f80f 1f848-1f84f 1f85a-1f85f
        1f888-1f88f 1f8ae-1f8af 1f8bc-1f8bf 1f8c2-1f8cf 1f8d9-1f8ff 1f90c-1f93a 1f93c-1f945 1f947-1f9ff
        1fa58-1fa5f 1fa6e-1faff 1fc00-1fffd
        """
}
