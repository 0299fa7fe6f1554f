import { detectFileType } from './file-type';

describe('detectFileType (by content, never by name)', () => {
  const b = (...parts: Array<number[] | string>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

  it('knows the document types Docket accepts', () => {
    expect(detectFileType(b('%PDF-1.7\n'))?.extension).toBe('pdf');
    expect(detectFileType(b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR'))?.extension).toBe('png');
    expect(detectFileType(b([0xff, 0xd8, 0xff, 0xdb]))?.extension).toBe('jpg');
    expect(detectFileType(b([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))?.extension).toBe('doc');
    expect(detectFileType(b([0x50, 0x4b, 0x03, 0x04], '..word/document.xml'))?.extension).toBe('docx');
    expect(detectFileType(b([0x50, 0x4b, 0x03, 0x04], '..xl/workbook.xml'))?.extension).toBe('xlsx');
    expect(detectFileType(b([0x50, 0x4b, 0x03, 0x04], '..OFD.xml'))?.extension).toBe('ofd');
  });

  it('refuses everything else, including a bare ZIP and a truncated signature', () => {
    expect(detectFileType(b('hello'))).toBeNull();
    expect(detectFileType(b('%PDF'))).toBeNull();
    expect(detectFileType(b([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(detectFileType(b([0x50, 0x4b, 0x03, 0x04], 'readme.txt'))).toBeNull();
    expect(detectFileType(Buffer.alloc(0))).toBeNull();
  });
});
