use chrono::Datelike;

use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn en_us() -> Convention {
    Convention::for_letter(Language::EN, "US")
}

fn en_gb() -> Convention {
    Convention::for_letter(Language::EN, "VE")
}

fn es() -> Convention {
    Convention::for_letter(Language::ES, "US")
}

fn of(code: &str) -> Convention {
    Convention::from_code(code).unwrap()
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// CLDR's dates are the ones English and Spanish letters always had, day by day.
#[test]
fn cldr_dates_match_the_letters_of_before() {
    let mut date = day(2019, 1, 1);
    while date <= day(2031, 12, 31) {
        let (d, m, y) = (date.day(), date.month0() as usize, date.year());
        assert_eq!(en_gb().date(date), format!("{d} {} {y}", MONTHS_EN[m]));
        assert_eq!(en_us().date(date), format!("{} {d}, {y}", MONTHS_EN[m]));
        assert_eq!(es().date(date), format!("{d} de {} de {y}", MONTHS_ES[m]));
        if y == 2024 {
            assert_eq!(
                en_us().day_of_month(m as u32 + 1, d),
                format!("{} {d}", MONTHS_EN[m])
            );
            assert_eq!(
                en_gb().day_of_month(m as u32 + 1, d),
                format!("{d} {}", MONTHS_EN[m])
            );
            assert_eq!(
                es().day_of_month(m as u32 + 1, d),
                format!("{d} de {}", MONTHS_ES[m])
            );
            assert_eq!(
                en_us().month(y, m as u32 + 1),
                format!("{} {y}", MONTHS_EN[m])
            );
            assert_eq!(
                es().month(y, m as u32 + 1),
                format!("{} de {y}", MONTHS_ES[m])
            );
        }
        date = date.succ_opt().unwrap();
    }
}

#[test]
fn french_and_portuguese_frames() {
    let d = day(2024, 7, 25);
    let fr = Convention::for_letter("fr".parse().unwrap(), "FR");
    let pt = Convention::for_letter("pt".parse().unwrap(), "BR");
    assert_eq!(fr.date(d), "25 juillet 2024");
    assert_eq!(pt.date(d), "25 de julho de 2024");
    assert_eq!(fr.salutation(None), "Madame, Monsieur,");
    assert_eq!(
        fr.closing(false, false, "Madame, Monsieur,"),
        "Je vous prie d’agréer, Madame, Monsieur, l’expression de ma haute considération."
    );
    assert_eq!(
        fr.closing(true, true, "Monsieur le Ministre,"),
        "Nous vous prions d’agréer, Monsieur le Ministre, l’expression de notre haute considération."
    );
    assert_eq!(fr.quote("Justice"), "«\u{202f}Justice\u{202f}»");
    assert_eq!(pt.quote("Justiça"), "“Justiça”");
    assert_eq!(pt.salutation(None), "Prezada Senhora, Prezado Senhor,");
    assert_eq!(
        pt.closing(true, false, "Senhor Ministro,"),
        "Respeitosamente,"
    );
    assert_eq!(page_of(fr.language(), 2, 3), "Page 2 sur 3");
    assert_eq!(page_of(pt.language(), 2, 3), "Página 2 de 3");
}

#[test]
fn spanish_salutation_ends_with_colon() {
    assert!(fallback_salutation(Language::ES).ends_with(':'));
    assert_eq!(es().closing(true, false, "Señor:"), "Atentamente,");
    assert_eq!(
        es().salutation(Some("Señor Fiscal General")),
        "Señor Fiscal General:"
    );
}

#[test]
fn one_english_convention_per_letter() {
    let (us, gb) = (en_us(), en_gb());
    assert_eq!(us.code(), "en-US");
    assert_eq!(gb.code(), "en-GB");
    assert_eq!(es().code(), "es");
    assert_eq!(of("en-GB"), gb);
    let d = day(2026, 12, 1);
    assert_eq!(us.date(d), "December 1, 2026");
    assert_eq!(gb.date(d), "1 December 2026");
    assert_eq!(
        us.salutation(Some("Dear Attorney General,")),
        "Dear Attorney General:"
    );
    assert_eq!(
        gb.salutation(Some("Dear Attorney General:")),
        "Dear Attorney General,"
    );
    assert_eq!(gb.salutation(None), "Dear Sir or Madam,");
    assert_eq!(
        gb.salutation(Some("Dear Mr. Secretary:")),
        "Dear Mr Secretary,"
    );
    assert_eq!(
        gb.address_form("His Excellency Mr. Héctor"),
        "His Excellency Mr Héctor"
    );
    assert_eq!(
        us.address_form("Mr. Tarek William Saab"),
        "Mr. Tarek William Saab"
    );
    assert_eq!(us.salutation(None), "Dear Sir or Madam:");
    assert_eq!(gb.closing(false, false, ""), "Yours faithfully,");
    assert_eq!(gb.closing(true, true, ""), "Yours sincerely,");
    assert_eq!(us.closing(false, false, ""), "Sincerely,");
}

#[test]
fn months_and_quotes() {
    assert_eq!(en_us().month(2024, 8), "August 2024");
    assert_eq!(es().month(2025, 4), "abril de 2025");
    assert_eq!(en_us().day_of_month(7, 29), "July 29");
    assert_eq!(en_gb().day_of_month(7, 29), "29 July");
    assert_eq!(es().day_of_month(7, 29), "29 de julio");
    assert_eq!(es().quote("Atentados"), "«Atentados»");
    assert_eq!(en_gb().quote("Attacks"), "“Attacks”");
}

#[test]
fn labels_of_the_bundled_languages() {
    assert_eq!(subject_label(Language::EN), "Subject:");
    assert_eq!(page_of(Language::ES, 2, 3), "Página 2 de 3");
    assert_eq!(signature_alt(Language::EN, "Ana"), "Signature of Ana");
    assert_eq!(cc_label(Language::ES), "c. c.:");
}
