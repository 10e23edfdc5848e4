//! The document's XMP metadata packet: the same title, author, tool and dates as its
//! /Info dictionary (PDF/A-2 asks that they agree, ISO 19005-2, 6.6.2.3), the PDF/A
//! identification (part 2, conformance B) and the PDF/UA one (part 1), with the
//! extension schema PDF/A requires for the PDF/UA property it does not know.

use chrono::{Datelike, NaiveDate};

/// What the packet says.
pub struct Xmp<'a> {
    pub title: &'a str,
    pub author: Option<&'a str>,
    pub language: &'a str,
    pub creator: &'a str,
    pub producer: &'a str,
    pub date: NaiveDate,
}

/// `text` with XML's special characters escaped.
fn escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
}

/// The packet, in UTF-8.
pub fn packet(xmp: &Xmp<'_>) -> Vec<u8> {
    let date = format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        xmp.date.year(),
        xmp.date.month(),
        xmp.date.day()
    );
    let mut x = String::with_capacity(4096);
    x.push_str("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    x.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    x.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    x.push_str(concat!(
        "<rdf:Description rdf:about=\"\"",
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
        " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
        " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
        " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"",
        " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"",
        " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"",
        " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    ));
    x.push_str("<dc:format>application/pdf</dc:format>\n");
    x.push_str("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
    escaped(&mut x, xmp.title);
    x.push_str("</rdf:li></rdf:Alt></dc:title>\n");
    if let Some(author) = xmp.author {
        x.push_str("<dc:creator><rdf:Seq><rdf:li>");
        escaped(&mut x, author);
        x.push_str("</rdf:li></rdf:Seq></dc:creator>\n");
    }
    x.push_str("<dc:language><rdf:Bag><rdf:li>");
    escaped(&mut x, xmp.language);
    x.push_str("</rdf:li></rdf:Bag></dc:language>\n");
    x.push_str("<xmp:CreatorTool>");
    escaped(&mut x, xmp.creator);
    x.push_str("</xmp:CreatorTool>\n");
    for key in ["CreateDate", "ModifyDate", "MetadataDate"] {
        x.push_str(&format!("<xmp:{key}>{date}</xmp:{key}>\n"));
    }
    x.push_str("<pdf:Producer>");
    escaped(&mut x, xmp.producer);
    x.push_str("</pdf:Producer>\n");
    x.push_str("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n");
    x.push_str("<pdfuaid:part>1</pdfuaid:part>\n");
    x.push_str(concat!(
        "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n",
        "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n",
        "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n",
        "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n",
        "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n",
        "<pdfaProperty:name>part</pdfaProperty:name>\n",
        "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n",
        "<pdfaProperty:category>internal</pdfaProperty:category>\n",
        "<pdfaProperty:description>Indicates which part of ISO 14289 standard is followed</pdfaProperty:description>\n",
        "</rdf:li></rdf:Seq></pdfaSchema:property>\n",
        "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n",
    ));
    x.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    x.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packet_says_what_info_says_escaped() {
        let bytes = packet(&Xmp {
            title: "Libertad <ya> & justicia",
            author: Some("Ana Pérez"),
            language: "es",
            creator: "letters 1.0",
            producer: "letters",
            date: NaiveDate::from_ymd_opt(2024, 7, 25).unwrap(),
        });
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("x-default\">Libertad &lt;ya&gt; &amp; justicia</rdf:li>"));
        assert!(text.contains("<rdf:li>Ana Pérez</rdf:li>"));
        assert!(text.contains("<xmp:CreateDate>2024-07-25T00:00:00Z</xmp:CreateDate>"));
        assert!(text.contains("<pdfaid:part>2</pdfaid:part>"));
        assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(text.ends_with("<?xpacket end=\"w\"?>"));
    }
}
