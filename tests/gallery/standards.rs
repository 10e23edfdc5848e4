//! The gallery's letters against the standards they claim: PDF/UA-1, by `outloud` (a
//! PDF/UA-1 and WCAG checker) and poppler's view of the structure tree; PDF/A-2b, by
//! the rules of ISO 19005-2 that apply to what `letters` writes, clause by clause as
//! veraPDF's PDFA-2B validation profile lists them (README.md names them). Each rule
//! failing names its clause and the file.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Runs a poppler tool; its stdout.
fn tool(name: &str, args: &[&str]) -> String {
    let output = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{name} is needed (scripts/test.sh installs it): {e}"));
    assert!(output.status.success(), "{name} {args:?} failed");
    String::from_utf8(output.stdout).expect("UTF-8 from a PDF tool")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Checks one letter (or a combined PDF of many): tagged, and every PDF/A-2b rule
/// below.
pub fn check(name: &str, pdf: &Path) {
    let bytes = std::fs::read(pdf).expect("the PDF");
    let info = tool("pdfinfo", &[path(pdf)]);
    assert!(info.contains("Tagged:          yes"), "{name}: not tagged");
    let structure = tool("pdfinfo", &["-struct-text", path(pdf)]);
    assert!(
        structure.starts_with("Document\n  Sect\n"),
        "{name}: {structure}"
    );
    for kind in ["H1", "P"] {
        assert!(
            structure.contains(&format!(" {kind} ")),
            "{name}: no {kind} in the structure tree"
        );
    }
    file_structure(name, &bytes);
    let doc = Document::load_mem(&bytes).expect("lopdf reads the PDF");
    objects(name, &doc);
    catalog(name, &doc);
    metadata(name, &doc);
    annotations(name, &doc);
}

/// Runs outloud over `pdfs` at once: no file may have an error, but for one that
/// outloud's own heuristics get wrong. A continuation page's header (the addressee, the
/// date and "Page 2 of 3") is a pagination artifact, as ISO 14289-1 asks of running
/// heads (Matterhorn checkpoint 18): outloud takes a line that recurs on every page, or
/// on three of six or more, for one, but a letter's header is on its later pages only,
/// so there outloud calls it prose hidden from readers (TAG-002). That finding, on a
/// later page, quoting the header, is the one let through.
pub fn outloud(pdfs: &[&Path]) {
    let output = Command::new("outloud")
        .arg("--json")
        .arg("-")
        .args(pdfs)
        .output()
        .unwrap_or_else(|e| {
            panic!("outloud is needed (pip install -r tests/requirements.txt; scripts/test.sh does): {e}")
        });
    let report: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("outloud's JSON report");
    let results = report["results"].as_array().expect("results");
    assert_eq!(results.len(), pdfs.len());
    let mut errors = Vec::new();
    for result in results {
        let path = result["path"].as_str().unwrap_or("?");
        assert!(
            result["error"].is_null(),
            "outloud cannot read {path}: {}",
            result["error"]
        );
        for finding in result["findings"].as_array().expect("findings") {
            let evidence = finding["evidence"].as_str().unwrap_or("");
            let running_head = finding["rule"] == "TAG-002"
                && finding["page"].as_u64().is_some_and(|page| page > 1)
                && finding["count"] == 1
                && evidence.contains(" · ");
            // Links: every address printed is a link annotation, so no finding about
            // links is let through, warnings included (LNK-010: an address not linked).
            let link = finding["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("LNK"));
            if finding["severity"] != "error" && !link {
                continue;
            }
            if !running_head {
                errors.push(format!("{path}: {finding}"));
            }
        }
    }
    assert!(
        errors.is_empty(),
        "outloud finds errors:\n{}",
        errors.join("\n")
    );
}

/// 6.1.2, 6.1.3, 6.1.4, 6.1.7.1, 6.1.9: the header, the trailer, the cross-reference
/// table, each object's and stream's keywords and lengths, read from the bytes.
fn file_structure(name: &str, bytes: &[u8]) {
    // 6.1.2: %PDF-1.n at byte 0, then a comment of at least four bytes above 127.
    assert!(
        bytes.starts_with(b"%PDF-1.") && (b'0'..=b'7').contains(&bytes[7]) && bytes[8] == b'\n',
        "{name}: 6.1.2 header"
    );
    assert!(
        bytes[9] == b'%' && bytes[10..14].iter().all(|b| *b > 127),
        "{name}: 6.1.2 binary comment"
    );
    // 6.1.3: nothing after %%EOF but one end-of-line.
    let tail = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    assert!(tail.ends_with(b"%%EOF"), "{name}: 6.1.3 data after %%EOF");
    // 6.1.4: startxref points at `xref`, then one EOL and the subsection header.
    let at = rfind(bytes, b"startxref\n").expect("startxref") + 10;
    let end = at + bytes[at..].iter().position(|b| *b == b'\n').expect("EOL");
    let xref: usize = std::str::from_utf8(&bytes[at..end])
        .expect("digits")
        .parse()
        .expect("an offset");
    assert!(bytes[xref..].starts_with(b"xref\n0 "), "{name}: 6.1.4 xref");
    let table = std::str::from_utf8(&bytes[xref..at]).expect("ASCII xref");
    let mut lines = table.lines().skip(1);
    let size: usize = lines.next().expect("subsection")[2..]
        .parse()
        .expect("size");
    lines.next();
    for id in 1..size {
        let entry = lines.next().expect("an entry");
        let offset: usize = entry[..10].parse().expect("an offset");
        // 6.1.9: `N 0 obj` and an EOL; `endobj` after an EOL.
        let head = format!("{id} 0 obj\n");
        assert!(
            bytes[offset..].starts_with(head.as_bytes()),
            "{name}: 6.1.9 object {id}"
        );
        let body = &bytes[offset + head.len()..];
        let end = find(body, b"endobj").expect("endobj");
        assert_eq!(body[end - 1], b'\n', "{name}: 6.1.9 endobj of object {id}");
        let body = &body[..end];
        // 6.1.7.1: `stream` then LF, /Length bytes, an EOL, `endstream`.
        if let Some(at) = find(body, b">>stream") {
            assert_eq!(
                body[at + 8],
                b'\n',
                "{name}: 6.1.7.1 stream keyword of {id}"
            );
            let dict = &body[..at];
            let length_at = rfind(dict, b"/Length ").expect("/Length") + 8;
            let digits: String = dict[length_at..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .map(|b| *b as char)
                .collect();
            let length: usize = digits.parse().expect("a direct /Length");
            let data_end = at + 9 + length;
            assert!(
                body[data_end..].starts_with(b"\nendstream"),
                "{name}: 6.1.7.1 /Length of object {id}"
            );
        }
    }
}

/// 6.1.7, 6.1.8, 6.1.13, 6.2.4.3, 6.2.8, 6.2.10, 6.2.11: every object: streams'
/// filters and keys, limits, colour spaces, images, graphics states and fonts.
fn objects(name: &str, doc: &Document) {
    assert!(doc.objects.len() <= 8_388_607, "{name}: 6.1.13 objects");
    for (id, object) in &doc.objects {
        limits(name, *id, object);
        if let Object::Stream(stream) = object {
            let dict = &stream.dict;
            for key in [&b"F"[..], b"FFilter", b"FDecodeParms"] {
                assert!(
                    !dict.has(key),
                    "{name}: 6.1.7.1 {id:?} has an external file key"
                );
            }
            if let Ok(filter) = dict.get(b"Filter") {
                let filters = match filter {
                    Object::Array(items) => items.clone(),
                    other => vec![other.clone()],
                };
                for filter in filters {
                    let filter = filter.as_name().expect("a filter name");
                    assert!(
                        filter == b"FlateDecode" || filter == b"DCTDecode",
                        "{name}: 6.1.7.2 filter {} in {id:?}",
                        String::from_utf8_lossy(filter)
                    );
                }
            }
            if name_is(dict, b"Subtype", b"Image") {
                image(name, *id, dict);
            }
        }
        if let Ok(dict) = object.as_dict() {
            if name_is(dict, b"Type", b"ExtGState") {
                ext_g_state(name, *id, dict);
            }
            if name_is(dict, b"Type", b"Font") {
                font(name, doc, *id, dict);
            }
        }
    }
}

/// 6.1.8, 6.1.13: integers, names, strings and page boxes within their limits; no
/// colour space that the sRGB output intent does not cover (6.2.4.3).
fn limits(name: &str, id: ObjectId, object: &Object) {
    match object {
        Object::Integer(n) => assert!(
            i32::try_from(*n).is_ok(),
            "{name}: 6.1.13 integer {n} in {id:?}"
        ),
        Object::Name(n) => {
            assert!(n.len() <= 127, "{name}: 6.1.13 name length in {id:?}");
            assert!(
                std::str::from_utf8(n).is_ok(),
                "{name}: 6.1.8 name in {id:?}"
            );
            assert!(
                n.as_slice() != b"DeviceCMYK",
                "{name}: 6.2.4.3 DeviceCMYK with an RGB output intent"
            );
        }
        Object::String(s, _) => assert!(s.len() < 32767, "{name}: 6.1.13 string in {id:?}"),
        Object::Array(items) => items.iter().for_each(|o| limits(name, id, o)),
        Object::Dictionary(dict) => dictionary_limits(name, id, dict),
        Object::Stream(stream) => dictionary_limits(name, id, &stream.dict),
        _ => {}
    }
}

fn dictionary_limits(name: &str, id: ObjectId, dict: &Dictionary) {
    for (key, value) in dict.iter() {
        assert!(key.len() <= 127, "{name}: 6.1.13 key length in {id:?}");
        if [
            &b"MediaBox"[..],
            b"CropBox",
            b"TrimBox",
            b"BleedBox",
            b"ArtBox",
        ]
        .contains(&key.as_slice())
        {
            let sides: Vec<f32> = value
                .as_array()
                .expect("a box")
                .iter()
                .map(|v| v.as_float().expect("a number"))
                .collect();
            let (w, h) = (sides[2] - sides[0], sides[3] - sides[1]);
            assert!(
                (3.0..=14400.0).contains(&w) && (3.0..=14400.0).contains(&h),
                "{name}: 6.1.13 page box in {id:?}"
            );
        }
        limits(name, id, value);
    }
}

/// 6.2.8: no alternates, no OPI, no interpolation.
fn image(name: &str, id: ObjectId, dict: &Dictionary) {
    assert!(
        !dict.has(b"Alternates"),
        "{name}: 6.2.8 Alternates in {id:?}"
    );
    assert!(!dict.has(b"OPI"), "{name}: 6.2.8 OPI in {id:?}");
    if let Ok(interpolate) = dict.get(b"Interpolate") {
        assert_eq!(
            interpolate.as_bool().ok(),
            Some(false),
            "{name}: 6.2.8 Interpolate in {id:?}"
        );
    }
}

/// 6.2.5, 6.2.10: no transfer functions, no halftones, standard blend modes.
fn ext_g_state(name: &str, id: ObjectId, dict: &Dictionary) {
    assert!(!dict.has(b"TR"), "{name}: 6.2.5 TR in {id:?}");
    assert!(!dict.has(b"HTP"), "{name}: 6.2.5 HTP in {id:?}");
    if let Ok(tr2) = dict.get(b"TR2") {
        assert_eq!(
            tr2.as_name().ok(),
            Some(&b"Default"[..]),
            "{name}: 6.2.5 TR2"
        );
    }
    if let Ok(bm) = dict.get(b"BM") {
        assert_eq!(bm.as_name().ok(), Some(&b"Normal"[..]), "{name}: 6.2.10 BM");
    }
}

/// 6.2.11.2–6.2.11.4: a composite font whose CIDFont has a CIDToGIDMap and system
/// info matching Identity-H, and an embedded program; and a Unicode map (6.2.11.7).
fn font(name: &str, doc: &Document, id: ObjectId, dict: &Dictionary) {
    let subtype = dict
        .get(b"Subtype")
        .and_then(Object::as_name)
        .expect("Subtype");
    match subtype {
        b"Type0" => {
            assert!(
                name_is(dict, b"Encoding", b"Identity-H"),
                "{name}: 6.2.11.3.1 encoding of {id:?}"
            );
            assert!(
                dict.has(b"ToUnicode"),
                "{name}: 6.2.11.7 no ToUnicode in {id:?}"
            );
            let kids = dict
                .get(b"DescendantFonts")
                .and_then(Object::as_array)
                .expect("DescendantFonts");
            assert_eq!(kids.len(), 1, "{name}: 6.2.11.2 DescendantFonts of {id:?}");
        }
        b"CIDFontType2" | b"CIDFontType0" => {
            let system = resolve(doc, dict.get(b"CIDSystemInfo").expect("CIDSystemInfo"));
            let system = system.as_dict().expect("a dictionary");
            let string = |key: &[u8]| system.get(key).and_then(Object::as_str).ok();
            assert_eq!(
                string(b"Registry"),
                Some(&b"Adobe"[..]),
                "{name}: 6.2.11.3.1"
            );
            assert_eq!(
                string(b"Ordering"),
                Some(&b"Identity"[..]),
                "{name}: 6.2.11.3.1"
            );
            if subtype == b"CIDFontType2" {
                assert!(
                    dict.has(b"CIDToGIDMap"),
                    "{name}: 6.2.11.3.2 CIDToGIDMap of {id:?}"
                );
            }
            let descriptor = resolve(doc, dict.get(b"FontDescriptor").expect("FontDescriptor"));
            let descriptor = descriptor.as_dict().expect("a dictionary");
            assert!(
                [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                    .iter()
                    .any(|key| descriptor.has(key)),
                "{name}: 6.2.11.4.1 font of {id:?} not embedded"
            );
        }
        other => panic!(
            "{name}: 6.2.11.2 a {} font: letters writes only composite fonts",
            String::from_utf8_lossy(other)
        ),
    }
}

/// 6.1.3, 6.2.3, 6.4, 6.5, 6.8: an /ID, no encryption; one sRGB output intent with a
/// display or printer profile of version 4 or less; no forms, actions, JavaScript or
/// embedded files; and PDF/UA's /MarkInfo, /Lang and title shown (ISO 14289-1, 7.1).
fn catalog(name: &str, doc: &Document) {
    let trailer = &doc.trailer;
    let id = trailer
        .get(b"ID")
        .and_then(Object::as_array)
        .expect("6.1.3 /ID");
    assert_eq!(id.len(), 2, "{name}: 6.1.3 /ID");
    assert!(!trailer.has(b"Encrypt"), "{name}: 6.1.3 Encrypt");
    let catalog = doc.catalog().expect("a catalog");
    for key in [&b"AcroForm"[..], b"AA", b"OpenAction", b"OCProperties"] {
        assert!(
            !catalog.has(key),
            "{name}: 6.4/6.5 {}",
            String::from_utf8_lossy(key)
        );
    }
    assert!(
        !catalog.has(b"Names"),
        "{name}: 6.5/6.8 no name trees (JavaScript, files)"
    );
    let intents = catalog
        .get(b"OutputIntents")
        .and_then(Object::as_array)
        .expect("6.2.3 OutputIntents");
    assert_eq!(intents.len(), 1, "{name}: 6.2.3 one output intent");
    let intent = resolve(doc, &intents[0]);
    let intent = intent.as_dict().expect("an output intent");
    assert!(
        name_is(intent, b"S", b"GTS_PDFA1"),
        "{name}: 6.2.3 GTS_PDFA1"
    );
    let profile = intent
        .get(b"DestOutputProfile")
        .and_then(Object::as_reference)
        .expect("6.2.3 DestOutputProfile");
    let profile = doc
        .get_object(profile)
        .and_then(Object::as_stream)
        .expect("a stream");
    assert_eq!(
        profile.dict.get(b"N").and_then(Object::as_i64).ok(),
        Some(3)
    );
    let icc = inflate(&profile.content);
    assert_eq!(&icc[16..20], b"RGB ", "{name}: 6.2.3 profile colour space");
    assert!(
        [&b"mntr"[..], b"prtr"].contains(&&icc[12..16]),
        "{name}: 6.2.3 profile class"
    );
    assert!(icc[8] <= 4, "{name}: 6.2.3 profile version");
    assert_eq!(
        u32::from_be_bytes(icc[0..4].try_into().expect("a size")) as usize,
        icc.len(),
        "{name}: 6.2.3 profile size"
    );
    let marked = catalog
        .get(b"MarkInfo")
        .and_then(Object::as_dict)
        .expect("MarkInfo");
    assert_eq!(
        marked.get(b"Marked").and_then(Object::as_bool).ok(),
        Some(true)
    );
    assert!(
        catalog.has(b"Lang") && catalog.has(b"StructTreeRoot"),
        "{name}: PDF/UA"
    );
    let viewer = catalog
        .get(b"ViewerPreferences")
        .and_then(Object::as_dict)
        .expect("ViewerPreferences");
    assert_eq!(
        viewer
            .get(b"DisplayDocTitle")
            .and_then(Object::as_bool)
            .ok(),
        Some(true)
    );
}

/// 6.3.1, 6.3.2, 6.3.3, 6.5.1, 6.5.2: annotations of allowed types only (`letters`
/// writes Link annotations), each with the print flag set and the hidden, invisible and
/// no-view flags clear, an appearance only where one is needed (not for Link), no
/// trigger events, and a URI action, no forbidden one; each is on the page whose
/// /Annots holds it. PDF/UA-1 (7.18.1, 7.18.5): a text alternative in /Contents, and a
/// /StructParent, the page's tab order following the structure.
fn annotations(name: &str, doc: &Document) {
    const FORBIDDEN: [&[u8]; 7] = [
        b"3D",
        b"Sound",
        b"Screen",
        b"Movie",
        b"RichMedia",
        b"FileAttachment",
        b"TrapNet",
    ];
    const ACTIONS: [&[u8]; 11] = [
        b"Launch",
        b"Sound",
        b"Movie",
        b"ResetForm",
        b"ImportData",
        b"Hide",
        b"SetOCGState",
        b"Rendition",
        b"Trans",
        b"GoTo3DView",
        b"JavaScript",
    ];
    for page in doc.get_pages().values() {
        let dict = doc.get_dictionary(*page).expect("a page");
        assert!(!dict.has(b"AA"), "{name}: 6.5.2 AA in page {page:?}");
        let annots = dict
            .get(b"Annots")
            .and_then(Object::as_array)
            .expect("/Annots");
        if !annots.is_empty() {
            assert!(name_is(dict, b"Tabs", b"S"), "{name}: PDF/UA 7.18.3 /Tabs");
        }
        for annot in annots {
            let id = annot.as_reference().expect("an annotation by reference");
            let a = doc.get_dictionary(id).expect("an annotation");
            let subtype = a.get(b"Subtype").and_then(Object::as_name).expect("6.3.1");
            assert!(!FORBIDDEN.contains(&subtype), "{name}: 6.3.1 in {id:?}");
            let flags = a.get(b"F").and_then(Object::as_i64).expect("6.3.2 /F");
            assert_eq!(flags & 4, 4, "{name}: 6.3.2 print flag of {id:?}");
            assert_eq!(
                flags & (1 | 2 | 32 | 256),
                0,
                "{name}: 6.3.2 flags of {id:?}"
            );
            assert!(
                subtype == b"Link" || subtype == b"Popup" || a.has(b"AP"),
                "{name}: 6.3.3 appearance of {id:?}"
            );
            assert!(!a.has(b"AA"), "{name}: 6.5.2 AA in {id:?}");
            if let Ok(action) = a.get(b"A").and_then(Object::as_dict) {
                let kind = action.get(b"S").and_then(Object::as_name).expect("6.5.1");
                assert!(!ACTIONS.contains(&kind), "{name}: 6.5.1 action of {id:?}");
            }
            assert_eq!(
                a.get(b"P").and_then(Object::as_reference).ok(),
                Some(*page),
                "{name}: /P of {id:?}"
            );
            assert!(
                a.get(b"Contents")
                    .and_then(Object::as_str)
                    .is_ok_and(|c| !c.is_empty()),
                "{name}: PDF/UA 7.18.1 /Contents of {id:?}"
            );
            assert!(
                a.get(b"StructParent").and_then(Object::as_i64).is_ok(),
                "{name}: PDF/UA 7.18.1 /StructParent of {id:?}"
            );
        }
    }
}

/// 6.6.2.1, 6.6.2.3, 6.6.4: an unfiltered XMP metadata stream that names PDF/A-2B (and
/// PDF/UA-1, with its extension schema) and says what /Info says.
fn metadata(name: &str, doc: &Document) {
    let catalog = doc.catalog().expect("a catalog");
    let metadata = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .expect("6.6.2.1 Metadata");
    let stream = doc
        .get_object(metadata)
        .and_then(Object::as_stream)
        .expect("a stream");
    assert!(
        name_is(&stream.dict, b"Type", b"Metadata"),
        "{name}: 6.6.2.1"
    );
    assert!(name_is(&stream.dict, b"Subtype", b"XML"), "{name}: 6.6.2.1");
    assert!(
        !stream.dict.has(b"Filter"),
        "{name}: 6.6.2.1 filtered metadata"
    );
    let xmp = std::str::from_utf8(&stream.content).expect("UTF-8 XMP");
    let head = &xmp[..xmp.find("?>").expect("an xpacket header")];
    assert!(
        !head.contains("bytes=") && !head.contains("encoding="),
        "{name}: 6.6.2.1 xpacket header"
    );
    for fact in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>B</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>",
    ] {
        assert!(xmp.contains(fact), "{name}: 6.6.4/6.6.2.3.1 {fact}");
    }
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("/Info");
    let info = doc.get_dictionary(info).expect("/Info");
    let text = |key: &[u8]| text_string(info.get(key).and_then(Object::as_str).expect("an entry"));
    let pairs = [
        (
            text(b"Title"),
            "dc:title",
            xml_of("<rdf:li xml:lang=\"x-default\">", xmp),
        ),
        (
            text(b"Creator"),
            "xmp:CreatorTool",
            xml_of("<xmp:CreatorTool>", xmp),
        ),
        (
            text(b"Producer"),
            "pdf:Producer",
            xml_of("<pdf:Producer>", xmp),
        ),
        (
            pdf_date(&text(b"CreationDate")),
            "xmp:CreateDate",
            xml_of("<xmp:CreateDate>", xmp),
        ),
        (
            pdf_date(&text(b"ModDate")),
            "xmp:ModifyDate",
            xml_of("<xmp:ModifyDate>", xmp),
        ),
    ];
    for (in_info, key, in_xmp) in pairs {
        assert_eq!(
            Some(in_info),
            in_xmp,
            "{name}: 6.6.2.3 /Info and {key} differ"
        );
    }
    if let Ok(author) = info.get(b"Author").and_then(Object::as_str) {
        let in_xmp = xml_of("<dc:creator><rdf:Seq><rdf:li>", xmp);
        assert_eq!(
            Some(text_string(author)),
            in_xmp,
            "{name}: 6.6.2.3 dc:creator"
        );
    }
}

/// The XML text after `start` up to the next tag, unescaped.
fn xml_of(start: &str, xmp: &str) -> Option<String> {
    let at = xmp.find(start)? + start.len();
    let end = at + xmp[at..].find('<')?;
    Some(
        xmp[at..end]
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

/// `D:20240725000000Z` as XMP writes it: `2024-07-25T00:00:00Z`.
fn pdf_date(date: &str) -> String {
    let d = date.strip_prefix("D:").expect("a PDF date");
    format!(
        "{}-{}-{}T{}:{}:{}{}",
        &d[0..4],
        &d[4..6],
        &d[6..8],
        &d[8..10],
        &d[10..12],
        &d[12..14],
        &d[14..]
    )
}

/// A PDF text string: UTF-16BE after a byte-order mark, else ASCII.
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16(&units).expect("UTF-16")
        }
        None => String::from_utf8(bytes.to_vec()).expect("ASCII"),
    }
}

fn inflate(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::ZlibDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a Flate stream");
    out
}

fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).expect("the object referred to"),
        other => other,
    }
}

fn name_is(dict: &Dictionary, key: &[u8], value: &[u8]) -> bool {
    dict.get(key).and_then(Object::as_name).ok() == Some(value)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}
