//! A folder of a course (starter files, a solution) downloaded as one ZIP
//! file: what GitHub material means by a link to a folder. Written here,
//! deflated with flate2 (already used for the credentials' lists), so that
//! the same files always make the same bytes.

use std::io::{self, Write};

use flate2::Crc;
use flate2::write::DeflateEncoder;

/// Changed whenever [`write_zip`] would write other bytes for the same
/// files: ZIPs kept in the cache by an older version are then not sent.
pub const FORMAT: &str = "zip-1";

/// Writes the ZIP of `entries` (name inside the archive, content), in
/// order, to `out`. Each entry is read from the iterator only when the one
/// before is written: one file and its deflated copy are in memory at a
/// time, never the whole archive.
pub fn write_zip(
    out: &mut impl Write,
    entries: impl IntoIterator<Item = io::Result<(String, Vec<u8>)>>,
) -> io::Result<()> {
    let mut written: u64 = 0;
    let mut directory = Vec::new();
    let mut count: u16 = 0;
    for entry in entries {
        let (name, content) = entry?;
        let mut crc = Crc::new();
        crc.update(&content);
        // Room for what does not compress (a few bytes more than it was):
        // no copy grows by doubling to twice the file.
        let room = content.len() + content.len() / 100 + 1024;
        let mut encoder = DeflateEncoder::new(Vec::with_capacity(room), flate2::Compression::default());
        encoder.write_all(&content)?;
        let deflated = encoder.finish()?;
        let header = Header {
            name: &name,
            crc: crc.sum(),
            compressed: small(deflated.len() as u64)?,
            size: small(content.len() as u64)?,
        };
        // Only the deflated copy is held while it is written.
        drop(content);
        let offset = small(written)?;
        let mut local = Vec::with_capacity(30 + name.len());
        local.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        header.write_common(&mut local);
        local.extend_from_slice(name.as_bytes());
        out.write_all(&local)?;
        out.write_all(&deflated)?;
        written += (local.len() + deflated.len()) as u64;

        directory.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        directory.extend_from_slice(&20u16.to_le_bytes()); // made by: version 2.0
        header.write_common(&mut directory);
        directory.extend_from_slice(&0u16.to_le_bytes()); // comment length
        directory.extend_from_slice(&0u16.to_le_bytes()); // disk number
        directory.extend_from_slice(&0u16.to_le_bytes()); // internal attributes
        directory.extend_from_slice(&0u32.to_le_bytes()); // external attributes
        directory.extend_from_slice(&offset.to_le_bytes());
        directory.extend_from_slice(name.as_bytes());
        count = count.checked_add(1).ok_or_else(|| io::Error::other("more files than a ZIP without ZIP64 holds"))?;
    }
    let directory_offset = small(written)?;
    let mut end = directory;
    let directory_len = small(end.len() as u64)?;
    end.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    end.extend_from_slice(&0u16.to_le_bytes()); // this disk
    end.extend_from_slice(&0u16.to_le_bytes()); // disk of the directory
    end.extend_from_slice(&count.to_le_bytes());
    end.extend_from_slice(&count.to_le_bytes());
    end.extend_from_slice(&directory_len.to_le_bytes());
    end.extend_from_slice(&directory_offset.to_le_bytes());
    end.extend_from_slice(&0u16.to_le_bytes()); // comment length
    out.write_all(&end)
}

/// A size or offset as a ZIP without ZIP64 writes it (a folder is at
/// most 20 MB, far below).
fn small(value: u64) -> io::Result<u32> {
    u32::try_from(value).map_err(|_| io::Error::other("larger than a ZIP without ZIP64 holds"))
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

    fn zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
        let mut archive = Vec::new();
        write_zip(&mut archive, entries.iter().cloned().map(Ok)).unwrap();
        archive
    }

    #[test]
    fn the_same_files_make_the_same_archive() {
        let entries = vec![
            ("starter/index.html".to_string(), b"<h1>Hello</h1>".to_vec()),
            ("starter/style.css".to_string(), b"h1 { color: teal }".to_vec()),
        ];
        let archive = zip(&entries);
        assert_eq!(archive, zip(&entries));
        assert_eq!(&archive[..4], b"PK\x03\x04");
        let end = &archive[archive.len() - 22..];
        assert_eq!(&end[..4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2, "two entries");
        let directory_offset = u32::from_le_bytes([end[16], end[17], end[18], end[19]]) as usize;
        assert_eq!(&archive[directory_offset..directory_offset + 4], b"PK\x01\x02");
    }

    #[test]
    fn a_file_that_cannot_be_read_stops_the_archive() {
        let entries = [Ok(("a.txt".to_string(), b"a".to_vec())), Err(io::Error::other("gone"))];
        assert!(write_zip(&mut Vec::<u8>::new(), entries).is_err());
    }
}
