// Every Python code block a chapter shows is real Python: each ```python fence in
// content/chapters/**.mdx is parsed by CPython's own parser (ast.parse) in one python3 run.
// Interactive sessions (>>> lines) are checked line by line as the REPL would read them. Whole
// programs live in content/examples/ and are run by the other example tests; this catches a
// snippet that could never run (a typo, a Python 2 print, a stray full-width character).
import { describe, expect, test } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPython } from '../support/python.ts';

interface Block { where: string; code: string }

function pythonBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const lang of ['zh', 'en']) {
    const dir = join('content', 'chapters', lang);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      for (let i = 0; i < lines.length; i++) {
        const open = /^(\s*)(`{3,})(python|py)\b/.exec(lines[i]!);
        if (!open) continue;
        const start = i;
        const body: string[] = [];
        for (i++; i < lines.length && !lines[i]!.startsWith(`${open[1]}${open[2]}`); i++) body.push(lines[i]!.slice(open[1]!.length));
        let code = body.join('\n').replace(/\s*# \[!code [^\]]+\]/g, '');
        if (/^>>> /m.test(code)) code = body.filter((l) => /^(>>>|\.\.\.)( |$)/.test(l)).map((l) => l.slice(4)).join('\n');
        blocks.push({ where: `${dir}/${file}:${start + 1}`, code });
      }
    }
  }
  return blocks;
}

describe('code blocks in the chapters', () => {
  const blocks = pythonBlocks();
  test('there are Python blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(5);
  });

  test('every ```python block parses with CPython', async () => {
    const checker = [
      'import ast, json, sys',
      'bad = []',
      'for b in json.load(open(sys.argv[1], encoding="utf-8")):',
      '    try:',
      '        ast.parse(b["code"])',
      '    except SyntaxError as e:',
      '        bad.append(f\'{b["where"]} (+{e.lineno}): {e.msg}\')',
      'print(json.dumps(bad))',
    ].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'blocks-'));
    writeFileSync(join(dir, 'blocks.json'), JSON.stringify(blocks));
    writeFileSync(join(dir, 'check.py'), checker);
    const run = await runPython([join(dir, 'check.py'), join(dir, 'blocks.json')], { cwd: dir, timeoutMs: 20_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
  });
});
