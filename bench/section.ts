import * as fs from 'fs';
import * as path from 'path';

const FILE = path.resolve(__dirname, '..', 'BENCHMARKS.md');

/**
 * Replaces the `## title` section of BENCHMARKS.md (up to the next `## ` heading) with `markdown`,
 * or appends it when the file has none; the other sections stay as their benches wrote them.
 * Returns the file's path.
 */
export function replaceSection(title: string, markdown: string): string {
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  const body = markdown.trim().split('\n');
  if (start < 0) {
    fs.writeFileSync(FILE, `${text.trimEnd()}\n\n${body.join('\n')}\n`);
    return FILE;
  }
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  const after = lines.slice(end);
  fs.writeFileSync(FILE, [...lines.slice(0, start), ...body, ...(after.length ? ['', ...after] : [''])].join('\n').replace(/\n{3,}/g, '\n\n'));
  return FILE;
}
