//! The region's cities: names in each language and former names people still search for
//! ("Nur-Sultan" finds Astana), used to show a center's city in the chosen language and by the
//! free-text search. Not part of the dataset format: a center names its city in English and
//! this table adds the rest.
//!
//! Sources: the state-language and Russian names are the official ones; the Uzbek and Turkmen
//! names are those the two languages write in Latin letters (Toshkent, Olmaota; Daşkent,
//! Aşgabat), so a reader of either sees no Cyrillic; former names are the documented renamings
//! (e.g. Astana: Akmolinsk → Tselinograd → Akmola → Astana → Nur-Sultan (2019–2022) → Astana).
//! Coordinates are city centres, 4 decimals; those of Kokand (Wikimapia), Arkadag (English
//! Wikipedia), Cholpon-Ata (Kyrgyz Wikipedia) and Vahdat (Wikipedia) are as the pages the
//! dataset's researchers retrieved state them (docs/dataset-notes.md).

use crate::dataset::country::Country;
use crate::geo::bounds::LatLon;
use crate::lang::Lang;
use std::sync::OnceLock;

use crate::query::search::keys;

/// A city of the region.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// English name, as the dataset's `city` field writes it.
    pub en: &'static str,
    /// The country it lies in.
    pub country: Country,
    /// Texts by language code (Russian and the state language).
    pub names: &'static [(&'static str, &'static str)],
    /// Former and alternative names, in any script.
    pub former: &'static [&'static str],
    /// The city centre.
    pub at: LatLon,
}

impl Place {
    /// The city's name in `lang`, falling back to Russian, then English.
    pub fn name_in(&self, lang: Lang) -> &'static str {
        lang.fallbacks()
            .find_map(|l| match l {
                Lang::En => Some(self.en),
                _ => self
                    .names
                    .iter()
                    .find(|(code, _)| *code == l.code())
                    .map(|(_, n)| *n),
            })
            .unwrap_or(self.en)
    }

    /// Every name the city goes or went by.
    pub fn all_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        std::iter::once(self.en)
            .chain(self.names.iter().map(|(_, n)| *n))
            .chain(self.former.iter().copied())
    }
}

/// The place a dataset's `city` text names, matched across scripts and spellings
/// ("Tashkent", "Toshkent" and "Ташкент" are one place).
pub fn find(city: &str) -> Option<&'static Place> {
    // The keys of every name, computed once: `find` runs for every center of a dataset.
    static KEYS: OnceLock<Vec<(Vec<String>, usize)>> = OnceLock::new();
    let table = KEYS.get_or_init(|| {
        PLACES
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.all_names().map(move |n| (keys(n), i)))
            .collect()
    });
    let wanted = keys(city);
    if wanted.is_empty() {
        return None;
    }
    table
        .iter()
        .find(|(k, _)| *k == wanted)
        .map(|&(_, i)| &PLACES[i])
}

/// A city's name in `lang` when the table knows it, else the text as the dataset has it.
pub fn city_name(city: &str, lang: Lang) -> &str {
    find(city).map_or(city, |p| p.name_in(lang))
}

/// The table.
pub const PLACES: &[Place] = &[
    Place {
        en: "Astana",
        country: Country::KZ,
        names: &[
            ("ru", "Астана"),
            ("kk", "Астана"),
            ("uz", "Astana"),
            ("tk", "Astana"),
        ],
        former: &[
            "Nur-Sultan",
            "Нур-Султан",
            "Нұр-Сұлтан",
            "Akmola",
            "Акмола",
            "Ақмола",
            "Tselinograd",
            "Целиноград",
            "Akmolinsk",
            "Акмолинск",
        ],
        at: LatLon::new(51.1694, 71.4491),
    },
    Place {
        en: "Almaty",
        country: Country::KZ,
        names: &[
            ("ru", "Алматы"),
            ("kk", "Алматы"),
            ("uz", "Olmaota"),
            ("tk", "Almaty"),
        ],
        former: &["Alma-Ata", "Алма-Ата", "Verny", "Верный"],
        at: LatLon::new(43.238, 76.9458),
    },
    Place {
        en: "Shymkent",
        country: Country::KZ,
        names: &[
            ("ru", "Шымкент"),
            ("kk", "Шымкент"),
            ("uz", "Chimkent"),
            ("tk", "Çymkent"),
        ],
        former: &["Chimkent", "Чимкент"],
        at: LatLon::new(42.3417, 69.5901),
    },
    Place {
        en: "Karaganda",
        country: Country::KZ,
        names: &[
            ("ru", "Караганда"),
            ("kk", "Қарағанды"),
            ("uz", "Qaragʻandi"),
            ("tk", "Garagandy"),
        ],
        former: &["Karagandy", "Qaraghandy"],
        at: LatLon::new(49.8047, 73.1094),
    },
    Place {
        en: "Aktobe",
        country: Country::KZ,
        names: &[
            ("ru", "Актобе"),
            ("kk", "Ақтөбе"),
            ("uz", "Oqtoʻbe"),
            ("tk", "Aktöbe"),
        ],
        former: &["Aktyubinsk", "Актюбинск", "Aqtobe"],
        at: LatLon::new(50.2839, 57.167),
    },
    Place {
        en: "Pavlodar",
        country: Country::KZ,
        names: &[
            ("ru", "Павлодар"),
            ("kk", "Павлодар"),
            ("uz", "Pavlodar"),
            ("tk", "Pawlodar"),
        ],
        former: &["Koryakovsky", "Коряковский форпост"],
        at: LatLon::new(52.2833, 76.9667),
    },
    Place {
        en: "Oskemen",
        country: Country::KZ,
        names: &[
            ("ru", "Усть-Каменогорск"),
            ("kk", "Өскемен"),
            ("uz", "Oʻskemen"),
            ("tk", "Öskemen"),
        ],
        former: &["Ust-Kamenogorsk", "Усть-Каменогорск", "Öskemen"],
        at: LatLon::new(49.9483, 82.6275),
    },
    Place {
        en: "Semey",
        country: Country::KZ,
        names: &[
            ("ru", "Семей"),
            ("kk", "Семей"),
            ("uz", "Semey"),
            ("tk", "Semeý"),
        ],
        former: &["Semipalatinsk", "Семипалатинск"],
        at: LatLon::new(50.4111, 80.2275),
    },
    Place {
        en: "Atyrau",
        country: Country::KZ,
        names: &[
            ("ru", "Атырау"),
            ("kk", "Атырау"),
            ("uz", "Atirau"),
            ("tk", "Atyrau"),
        ],
        former: &["Guryev", "Гурьев"],
        at: LatLon::new(47.1067, 51.9167),
    },
    Place {
        en: "Aktau",
        country: Country::KZ,
        names: &[
            ("ru", "Актау"),
            ("kk", "Ақтау"),
            ("uz", "Oqtov"),
            ("tk", "Aktau"),
        ],
        former: &["Shevchenko", "Шевченко", "Aqtau"],
        at: LatLon::new(43.65, 51.16),
    },
    Place {
        en: "Kostanay",
        country: Country::KZ,
        names: &[
            ("ru", "Костанай"),
            ("kk", "Қостанай"),
            ("uz", "Qoʻstanay"),
            ("tk", "Kostanaý"),
        ],
        former: &[
            "Kustanay",
            "Кустанай",
            "Nikolayevsk",
            "Николаевск",
            "Qostanay",
        ],
        at: LatLon::new(53.2144, 63.6246),
    },
    Place {
        en: "Taraz",
        country: Country::KZ,
        names: &[
            ("ru", "Тараз"),
            ("kk", "Тараз"),
            ("uz", "Taroz"),
            ("tk", "Taraz"),
        ],
        former: &[
            "Zhambyl",
            "Жамбыл",
            "Dzhambul",
            "Джамбул",
            "Aulie-Ata",
            "Аулие-Ата",
            "Mirzoyan",
            "Мирзоян",
        ],
        at: LatLon::new(42.9, 71.3667),
    },
    Place {
        en: "Kyzylorda",
        country: Country::KZ,
        names: &[
            ("ru", "Кызылорда"),
            ("kk", "Қызылорда"),
            ("uz", "Qiziloʻrda"),
            ("tk", "Gyzylorda"),
        ],
        former: &[
            "Kzyl-Orda",
            "Кзыл-Орда",
            "Perovsk",
            "Перовск",
            "Ak-Mechet",
            "Ак-Мечеть",
            "Qyzylorda",
        ],
        at: LatLon::new(44.8528, 65.5092),
    },
    Place {
        en: "Petropavl",
        country: Country::KZ,
        names: &[
            ("ru", "Петропавловск"),
            ("kk", "Петропавл"),
            ("uz", "Petropavl"),
            ("tk", "Petropawl"),
        ],
        former: &["Petropavlovsk", "Петропавловск"],
        at: LatLon::new(54.8667, 69.15),
    },
    Place {
        en: "Oral",
        country: Country::KZ,
        names: &[
            ("ru", "Уральск"),
            ("kk", "Орал"),
            ("uz", "Oral"),
            ("tk", "Oral"),
        ],
        former: &["Uralsk", "Уральск", "Yaitsky Gorodok", "Яицкий городок"],
        at: LatLon::new(51.2333, 51.3667),
    },
    Place {
        en: "Turkistan",
        country: Country::KZ,
        names: &[
            ("ru", "Туркестан"),
            ("kk", "Түркістан"),
            ("uz", "Turkiston"),
            ("tk", "Türkistan"),
        ],
        former: &["Turkestan", "Туркестан", "Yasy", "Ясы"],
        at: LatLon::new(43.2973, 68.2518),
    },
    Place {
        en: "Kokshetau",
        country: Country::KZ,
        names: &[
            ("ru", "Кокшетау"),
            ("kk", "Көкшетау"),
            ("uz", "Koʻkshetov"),
            ("tk", "Kökşetau"),
        ],
        former: &["Kokchetav", "Кокчетав"],
        at: LatLon::new(53.2833, 69.3833),
    },
    Place {
        en: "Taldykorgan",
        country: Country::KZ,
        names: &[
            ("ru", "Талдыкорган"),
            ("kk", "Талдықорған"),
            ("uz", "Taldiqoʻrgʻon"),
            ("tk", "Taldykorgan"),
        ],
        former: &["Taldy-Kurgan", "Талды-Курган", "Gavrilovka", "Гавриловка"],
        at: LatLon::new(45.0167, 78.3667),
    },
    Place {
        en: "Konaev",
        country: Country::KZ,
        names: &[
            ("ru", "Конаев"),
            ("kk", "Қонаев"),
            ("uz", "Qonayev"),
            ("tk", "Konaýew"),
        ],
        former: &["Kapchagay", "Капчагай", "Kapshagay", "Қапшағай"],
        at: LatLon::new(43.8667, 77.0667),
    },
    Place {
        en: "Zhezkazgan",
        country: Country::KZ,
        names: &[
            ("ru", "Жезказган"),
            ("kk", "Жезқазған"),
            ("uz", "Jezqazgʻan"),
            ("tk", "Žezkazgan"),
        ],
        former: &["Dzhezkazgan", "Джезказган", "Jezkazgan"],
        at: LatLon::new(47.7833, 67.7667),
    },
    Place {
        en: "Tashkent",
        country: Country::UZ,
        names: &[("ru", "Ташкент"), ("uz", "Toshkent"), ("tk", "Daşkent")],
        former: &["Toshkent", "Тошкент", "Tashkend", "Chach", "Shash"],
        at: LatLon::new(41.2995, 69.2401),
    },
    Place {
        en: "Samarkand",
        country: Country::UZ,
        names: &[
            ("ru", "Самарканд"),
            ("uz", "Samarqand"),
            ("tk", "Samarkant"),
        ],
        former: &["Samarqand", "Самарқанд", "Maracanda", "Marakanda"],
        at: LatLon::new(39.627, 66.975),
    },
    Place {
        en: "Bukhara",
        country: Country::UZ,
        names: &[("ru", "Бухара"), ("uz", "Buxoro"), ("tk", "Buhara")],
        former: &["Buxoro", "Бухоро", "Bokhara"],
        at: LatLon::new(39.7747, 64.4286),
    },
    Place {
        en: "Andijan",
        country: Country::UZ,
        names: &[("ru", "Андижан"), ("uz", "Andijon"), ("tk", "Andijan")],
        former: &["Andijon", "Андижон", "Andizhan"],
        at: LatLon::new(40.7821, 72.3442),
    },
    Place {
        en: "Namangan",
        country: Country::UZ,
        names: &[("ru", "Наманган"), ("uz", "Namangan"), ("tk", "Namangan")],
        former: &[],
        at: LatLon::new(40.9983, 71.6726),
    },
    Place {
        en: "Fergana",
        country: Country::UZ,
        names: &[("ru", "Фергана"), ("uz", "Fargʻona"), ("tk", "Fergana")],
        former: &[
            "Fargʻona",
            "Фарғона",
            "Ferghana",
            "Skobelev",
            "Скобелев",
            "Novy Margelan",
            "Новый Маргелан",
        ],
        at: LatLon::new(40.3864, 71.7864),
    },
    Place {
        en: "Nukus",
        country: Country::UZ,
        names: &[("ru", "Нукус"), ("uz", "Nukus"), ("tk", "Nukus")],
        former: &["Nókis", "Нөкис"],
        at: LatLon::new(42.4531, 59.6103),
    },
    Place {
        en: "Urgench",
        country: Country::UZ,
        names: &[("ru", "Ургенч"), ("uz", "Urganch"), ("tk", "Urgenç")],
        former: &["Urganch", "Урганч"],
        at: LatLon::new(41.55, 60.6333),
    },
    Place {
        en: "Karshi",
        country: Country::UZ,
        names: &[("ru", "Карши"), ("uz", "Qarshi"), ("tk", "Garşy")],
        former: &[
            "Qarshi",
            "Қарши",
            "Bek-Budi",
            "Бек-Буди",
            "Nasaf",
            "Nakhshab",
        ],
        at: LatLon::new(38.8606, 65.7891),
    },
    Place {
        en: "Termez",
        country: Country::UZ,
        names: &[("ru", "Термез"), ("uz", "Termiz"), ("tk", "Termez")],
        former: &["Termiz", "Термиз"],
        at: LatLon::new(37.2242, 67.2783),
    },
    Place {
        en: "Jizzakh",
        country: Country::UZ,
        names: &[("ru", "Джизак"), ("uz", "Jizzax"), ("tk", "Jizzak")],
        former: &["Jizzax", "Жиззах", "Dzhizak", "Jizak"],
        at: LatLon::new(40.1158, 67.8422),
    },
    Place {
        en: "Navoiy",
        country: Country::UZ,
        names: &[("ru", "Навои"), ("uz", "Navoiy"), ("tk", "Nawaýy")],
        former: &["Navoi", "Навоий", "Kermine", "Кермине"],
        at: LatLon::new(40.0844, 65.3792),
    },
    Place {
        en: "Gulistan",
        country: Country::UZ,
        names: &[("ru", "Гулистан"), ("uz", "Guliston"), ("tk", "Gülüstan")],
        former: &["Guliston", "Гулистон", "Mirzachul", "Мирзачуль"],
        at: LatLon::new(40.4897, 68.7842),
    },
    Place {
        en: "Bishkek",
        country: Country::KG,
        names: &[
            ("ru", "Бишкек"),
            ("ky", "Бишкек"),
            ("uz", "Bishkek"),
            ("tk", "Bişkek"),
        ],
        former: &["Frunze", "Фрунзе", "Pishpek", "Пишпек"],
        at: LatLon::new(42.8746, 74.5698),
    },
    Place {
        en: "Osh",
        country: Country::KG,
        names: &[("ru", "Ош"), ("ky", "Ош"), ("uz", "Oʻsh"), ("tk", "Oş")],
        former: &[],
        at: LatLon::new(40.514, 72.8161),
    },
    Place {
        en: "Karakol",
        country: Country::KG,
        names: &[
            ("ru", "Каракол"),
            ("ky", "Каракол"),
            ("uz", "Qoraqoʻl"),
            ("tk", "Garakol"),
        ],
        former: &["Przhevalsk", "Пржевальск"],
        at: LatLon::new(42.4907, 78.3936),
    },
    Place {
        en: "Jalal-Abad",
        country: Country::KG,
        names: &[
            ("ru", "Джалал-Абад"),
            ("ky", "Жалал-Абад"),
            ("uz", "Jalolobod"),
            ("tk", "Jelalabat"),
        ],
        former: &["Dzhalal-Abad", "Djalal-Abad", "Jalalabad"],
        at: LatLon::new(40.9333, 73.0),
    },
    Place {
        en: "Naryn",
        country: Country::KG,
        names: &[
            ("ru", "Нарын"),
            ("ky", "Нарын"),
            ("uz", "Norin"),
            ("tk", "Naryn"),
        ],
        former: &[],
        at: LatLon::new(41.4287, 75.9911),
    },
    Place {
        en: "Talas",
        country: Country::KG,
        names: &[
            ("ru", "Талас"),
            ("ky", "Талас"),
            ("uz", "Talas"),
            ("tk", "Talas"),
        ],
        former: &["Dmitrievka", "Дмитриевка", "Dmitrievskoye", "Дмитриевское"],
        at: LatLon::new(42.5228, 72.2428),
    },
    Place {
        en: "Batken",
        country: Country::KG,
        names: &[
            ("ru", "Баткен"),
            ("ky", "Баткен"),
            ("uz", "Botken"),
            ("tk", "Batken"),
        ],
        former: &[],
        at: LatLon::new(40.0626, 70.8194),
    },
    Place {
        en: "Tokmok",
        country: Country::KG,
        names: &[
            ("ru", "Токмок"),
            ("ky", "Токмок"),
            ("uz", "Toʻqmoq"),
            ("tk", "Tokmak"),
        ],
        former: &["Tokmak", "Токмак"],
        at: LatLon::new(42.8419, 75.3015),
    },
    Place {
        en: "Dushanbe",
        country: Country::TJ,
        names: &[
            ("ru", "Душанбе"),
            ("tg", "Душанбе"),
            ("uz", "Dushanbe"),
            ("tk", "Duşenbe"),
        ],
        former: &["Stalinabad", "Сталинабад", "Dyushambe", "Дюшамбе"],
        at: LatLon::new(38.5598, 68.787),
    },
    Place {
        en: "Khujand",
        country: Country::TJ,
        names: &[
            ("ru", "Худжанд"),
            ("tg", "Хуҷанд"),
            ("uz", "Xoʻjand"),
            ("tk", "Hujand"),
        ],
        former: &[
            "Leninabad",
            "Ленинабад",
            "Khodjent",
            "Khodzhent",
            "Ходжент",
            "Khojand",
            "Khudzhand",
        ],
        at: LatLon::new(40.2826, 69.6222),
    },
    Place {
        en: "Bokhtar",
        country: Country::TJ,
        names: &[
            ("ru", "Бохтар"),
            ("tg", "Бохтар"),
            ("uz", "Boxtar"),
            ("tk", "Bohtar"),
        ],
        former: &[
            "Kurgan-Tyube",
            "Курган-Тюбе",
            "Qurghonteppa",
            "Қӯрғонтеппа",
            "Kurgan-Tube",
        ],
        at: LatLon::new(37.8364, 68.7803),
    },
    Place {
        en: "Kulob",
        country: Country::TJ,
        names: &[
            ("ru", "Куляб"),
            ("tg", "Кӯлоб"),
            ("uz", "Koʻlob"),
            ("tk", "Kulob"),
        ],
        former: &["Kulyab", "Кулоб", "Kŭlob"],
        at: LatLon::new(37.9146, 69.7845),
    },
    Place {
        en: "Khorog",
        country: Country::TJ,
        names: &[
            ("ru", "Хорог"),
            ("tg", "Хоруғ"),
            ("uz", "Xorugʻ"),
            ("tk", "Horog"),
        ],
        former: &["Khorugh"],
        at: LatLon::new(37.4897, 71.5531),
    },
    Place {
        en: "Istaravshan",
        country: Country::TJ,
        names: &[
            ("ru", "Истаравшан"),
            ("tg", "Истаравшан"),
            ("uz", "Istaravshan"),
            ("tk", "Istarawşan"),
        ],
        former: &["Ura-Tyube", "Ура-Тюбе", "Uroteppa", "Ӯротеппа"],
        at: LatLon::new(39.9108, 69.0064),
    },
    Place {
        en: "Ashgabat",
        country: Country::TM,
        names: &[("ru", "Ашхабад"), ("tk", "Aşgabat"), ("uz", "Ashxobod")],
        former: &[
            "Ashkhabad",
            "Ашхабад",
            "Askhabad",
            "Poltoratsk",
            "Полторацк",
        ],
        at: LatLon::new(37.9601, 58.3261),
    },
    Place {
        en: "Turkmenabat",
        country: Country::TM,
        names: &[
            ("ru", "Туркменабат"),
            ("tk", "Türkmenabat"),
            ("uz", "Turkmanobod"),
        ],
        former: &[
            "Chardzhou",
            "Чарджоу",
            "Charjew",
            "Çärjew",
            "Chardzhev",
            "Чарджев",
            "Chardzhuy",
            "Чарджуй",
            "Amul",
        ],
        at: LatLon::new(39.0733, 63.5786),
    },
    Place {
        en: "Dashoguz",
        country: Country::TM,
        names: &[("ru", "Дашогуз"), ("tk", "Daşoguz"), ("uz", "Dashoguz")],
        former: &["Tashauz", "Ташауз", "Dashhowuz", "Dashkhovuz"],
        at: LatLon::new(41.8363, 59.9666),
    },
    Place {
        en: "Mary",
        country: Country::TM,
        names: &[("ru", "Мары"), ("tk", "Mary"), ("uz", "Mari")],
        former: &["Merv", "Мерв"],
        at: LatLon::new(37.5936, 61.8303),
    },
    Place {
        en: "Balkanabat",
        country: Country::TM,
        names: &[
            ("ru", "Балканабат"),
            ("tk", "Balkanabat"),
            ("uz", "Balkanobod"),
        ],
        former: &["Nebit-Dag", "Небит-Даг", "Nebitdag"],
        at: LatLon::new(39.5108, 54.3671),
    },
    Place {
        en: "Turkmenbashi",
        country: Country::TM,
        names: &[
            ("ru", "Туркменбаши"),
            ("tk", "Türkmenbaşy"),
            ("uz", "Turkmanboshi"),
        ],
        former: &["Krasnovodsk", "Красноводск"],
        at: LatLon::new(40.0222, 52.9552),
    },
    Place {
        en: "Kokand",
        country: Country::UZ,
        names: &[("ru", "Коканд"), ("uz", "Qoʻqon"), ("tk", "Kokand")],
        former: &[],
        at: LatLon::new(40.5319, 70.9364),
    },
    Place {
        en: "Arkadag",
        country: Country::TM,
        names: &[("ru", "Аркадаг"), ("tk", "Arkadag"), ("uz", "Arkadag")],
        former: &[],
        at: LatLon::new(38.0659, 58.0727),
    },
    Place {
        en: "Cholpon-Ata",
        country: Country::KG,
        names: &[
            ("ru", "Чолпон-Ата"),
            ("ky", "Чолпон-Ата"),
            ("uz", "Choʻlpon-Ota"),
            ("tk", "Çolpon-Ata"),
        ],
        former: &[],
        at: LatLon::new(42.65, 77.0833),
    },
    Place {
        en: "Vahdat",
        country: Country::TJ,
        names: &[
            ("ru", "Вахдат"),
            ("tg", "Ваҳдат"),
            ("uz", "Vahdat"),
            ("tk", "Wahdat"),
        ],
        former: &[],
        at: LatLon::new(38.5531, 69.0197),
    },
];

impl crate::dataset::model::Center {
    /// The city in `lang` when the places table knows it, else as the dataset writes it.
    pub fn city_in(&self, lang: Lang) -> &str {
        city_name(&self.city, lang)
    }
}

impl crate::dataset::model::Dataset {
    /// The cities the centers are in, once each, in the order of their first center: where
    /// the map labels its outlines when tiles fail. A city the places table does not know has
    /// no known point, so no label (coordinates are never guessed).
    ///
    /// ```
    /// let d = shifo_core::Dataset::from_json(include_str!("../../../public/data/centers.json")).unwrap();
    /// let cities = d.center_places();
    /// assert!(cities.iter().any(|p| p.en == "Astana"));
    /// assert_eq!(cities.iter().filter(|p| p.en == "Tashkent").count(), 1);
    /// ```
    pub fn center_places(&self) -> Vec<&'static Place> {
        // Each city's text is looked up once: `find` folds it into search keys, and 50,000
        // centers name a few dozen cities (a lookup per center took ~100 ms of wasm).
        let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
        let mut out: Vec<&'static Place> = Vec::new();
        for c in self.centers.iter().filter(|c| seen.insert(c.city.as_str())) {
            if let Some(p) = find(&c.city) {
                if !out.iter().any(|q| std::ptr::eq(*q, p)) {
                    out.push(p);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn center_places_are_the_known_cities_of_the_centers_once_each() {
        let d = crate::Dataset::from_json(include_str!("../../../public/data/centers.json"))
            .expect("the bundled dataset");
        let got: Vec<&str> = d.center_places().iter().map(|p| p.en).collect();
        // The plain definition: each center's city, looked up, first occurrence kept.
        let mut want: Vec<&str> = Vec::new();
        for c in &d.centers {
            if let Some(p) = PLACES.iter().find(|p| p.all_names().any(|n| n == c.city)) {
                if !want.contains(&p.en) {
                    want.push(p.en);
                }
            }
        }
        assert_eq!(got, want);
        assert!(got.len() >= 10, "{got:?}");
    }

    #[test]
    fn names_by_language_and_former_names() {
        // Expected values: official names (akorda.kz, gov.uz, president.kg, president.tj,
        // turkmenistan.gov.tm) and documented renamings.
        let cases = [
            ("Astana", Lang::Ru, "Астана"),
            ("Nur-Sultan", Lang::En, "Astana"),
            ("Нур-Султан", Lang::Kk, "Астана"),
            ("Tashkent", Lang::Uz, "Toshkent"),
            ("Ташкент", Lang::En, "Tashkent"),
            ("Alma-Ata", Lang::En, "Almaty"),
            ("Frunze", Lang::Ky, "Бишкек"),
            ("Dushanbe", Lang::Tg, "Душанбе"),
            ("Ashgabat", Lang::Tk, "Aşgabat"),
            // Uzbek and Turkmen readers get Latin names; other languages fall back to Russian.
            ("Khujand", Lang::Uz, "Xoʻjand"),
            ("Almaty", Lang::Tk, "Almaty"),
            ("Khujand", Lang::Kk, "Худжанд"),
            ("Springfield", Lang::Ru, "Springfield"),
        ];
        for (city, lang, want) in cases {
            assert_eq!(city_name(city, lang), want, "{city} in {lang:?}");
        }
    }

    #[test]
    fn every_place_lies_in_its_country_and_names_are_unique() {
        for p in PLACES {
            assert!(
                p.country.bounds().contains(p.at),
                "{} is outside {:?}",
                p.en,
                p.country
            );
            assert!(p.names.iter().any(|(l, _)| *l == "ru"), "{} lacks ru", p.en);
            assert_eq!(find(p.en).map(|f| f.en), Some(p.en), "{} is shadowed", p.en);
        }
    }
}
