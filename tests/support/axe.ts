// axe-core in the browser tests: the rules every run applies, and the builder the specs use.
//
// The builder keeps @axe-core/playwright's API (include, exclude, withTags, withRules, disableRules,
// analyze) but runs axe.run() in the page itself: axe's source is put in the page once, and the
// results come back with the violations only. @axe-core/playwright runs axe in pieces and opens a
// new blank page to put them together on every analyze(): about 0.4 s of overhead per call, most of
// a check's time (measured on chapter pages: 1.5–2.1 s for every rule, against 0.1 s to put axe in
// and 0.3–0.4 s to run it). The pages have no iframes, the one thing that the pieces are for.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** WCAG 2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

const SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export class AxeBuilder {
  private readonly page: Page;
  private readonly included: string[] = [];
  private readonly excluded: string[] = [];
  private tags: string[] | null = null;
  private rules: string[] | null = null;
  private disabled: string[] = [];

  constructor({ page }: { page: Page }) {
    this.page = page;
  }
  include(selector: string): this {
    this.included.push(selector);
    return this;
  }
  exclude(selector: string): this {
    this.excluded.push(selector);
    return this;
  }
  withTags(tags: string[]): this {
    this.tags = tags;
    return this;
  }
  withRules(rules: string[]): this {
    this.rules = rules;
    return this;
  }
  disableRules(rules: string[]): this {
    this.disabled = rules;
    return this;
  }

  async analyze(): Promise<Pick<AxeResults, 'violations'>> {
    if (!(await this.page.evaluate(() => 'axe' in window))) await this.page.evaluate(SOURCE);
    const options: RunOptions = {
      resultTypes: ['violations'],
      ...(this.rules ? { runOnly: { type: 'rule', values: this.rules } } : this.tags ? { runOnly: { type: 'tag', values: this.tags } } : {}),
      ...(this.disabled.length ? { rules: Object.fromEntries(this.disabled.map((id) => [id, { enabled: false }])) } : {}),
    };
    const include = this.included.map((s) => [s]);
    const exclude = this.excluded.map((s) => [s]);
    return this.page.evaluate(
      async ({ include, exclude, options }) => {
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<AxeResults> } }).axe;
        // The whole document unless the spec names parts (as @axe-core/playwright does).
        const context = include.length ? { include, exclude } : exclude.length ? { exclude } : document;
        const { violations } = await axe.run(context, options);
        return { violations };
      },
      { include, exclude, options },
    );
  }
}
