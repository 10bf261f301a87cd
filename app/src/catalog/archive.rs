//! A folder of a course (starter files, a solution) downloaded as one ZIP
//! file: what GitHub material means by a link to a folder. Written here,
//! deflated with flate2 (already used for the credentials' lists), so that
//! the same files always make the same bytes.

use std::io::Write;

use flate2::Crc;
use flate2::write::DeflateEncoder;

/// The ZIP of `entries` (name inside the archive, content), in order.
pub fn zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, content) in entries {
        let mut crc = Crc::new();
        crc.update(content);
        let mut encoder = DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(content).expect("writing to memory");
        let deflated = encoder.finish().expect("writing to memory");
        let offset = out.len() as u32;
        let header = Header { name, crc: crc.sum(), compressed: deflated.len() as u32, size: content.len() as u32 };
        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        header.write_common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&deflated);

        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes()); // made by: version 2.0
        header.write_common(&mut directory);
        directory.extend_from_slice(&0u16.to_le_bytes()); // comment length
        directory.extend_from_slice(&0u16.to_le_bytes()); // disk number
        directory.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = out.len() as u32;
    out.extend_from_slice(&directory);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // this disk
    out.extend_from_slice(&0u16.to_le_bytes()); // disk of the directory
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(entries.len() as u16).to_le_bytes());
    out.extend_from_slice(&(directory.len() as u32).to_le_bytes());
    out.extend_from_slice(&directory_offset.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out
}

struct Header<'a> {
    name: &'a str,
    crc: u32,
    compressed: u32,
    size: u32,
}

impl Header<'_> {
    /// The fields the local header and the directory entry share.
    fn write_common(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&20u16.to_le_bytes()); // version needed: 2.0
        out.extend_from_slice(&(1u16 << 11).to_le_bytes()); // names are UTF-8
        out.extend_from_slice(&8u16.to_le_bytes()); // deflated
        out.extend_from_slice(&0u16.to_le_bytes()); // time: 00:00
        out.extend_from_slice(&0x0021u16.to_le_bytes()); // date: 1 January 1980
        out.extend_from_slice(&self.crc.to_le_bytes());
        out.extend_from_slice(&self.compressed.to_le_bytes());
        out.extend_from_slice(&self.size.to_le_bytes());
        out.extend_from_slice(&(self.name.len() as u16).to_le_bytes());
        out.extend_from_slice(&0u16.to_le_bytes()); // extra field length
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_files_make_the_same_archive() {
        let entries = vec![("starter/index.html".to_string(), b"<h1>Hello</h1>".to_vec())];
        let archive = zip(&entries);
        assert_eq!(archive, zip(&entries));
        assert_eq!(&archive[..4], b"PK\x03\x04");
        assert_eq!(&archive[archive.len() - 22..archive.len() - 18], b"PK\x05\x06");
    }
}
