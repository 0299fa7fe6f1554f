/**
 * The kinds of document Docket accepts as attachments, told by their content (magic bytes), never
 * by the name or the Content-Type the client sends. Pure.
 */
export interface FileType {
  mediaType: string;
  extension: string;
}

const starts = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);

/** The document type of `b`, or null when it is none Docket accepts. */
export function detectFileType(b: Buffer): FileType | null {
  if (starts(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mediaType: 'application/pdf', extension: 'pdf' };
  if (starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png', extension: 'png' };
  if (starts(b, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: 'jpg' };
  // OLE compound file: .doc / .xls / .wps of the older office formats
  if (starts(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mediaType: 'application/msword', extension: 'doc' };
  if (starts(b, [0x50, 0x4b, 0x03, 0x04])) {
    // a ZIP container: Office Open XML or OFD (GB/T 33190), by the entries it names
    const names = b.subarray(0, Math.min(b.length, 1 << 20)).toString('latin1');
    if (names.includes('word/')) return { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' };
    if (names.includes('xl/')) return { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    if (names.includes('OFD.xml')) return { mediaType: 'application/ofd', extension: 'ofd' };
  }
  return null;
}

/** What the refusal names as accepted, in both languages. */
export const ACCEPTED_TYPES = { zh: 'PDF、Word（DOC/DOCX）、Excel（XLSX）、OFD、JPG、PNG', en: 'PDF, Word (DOC/DOCX), Excel (XLSX), OFD, JPG, PNG' };
