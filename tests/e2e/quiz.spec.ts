// The self-check at the end of each chapter (on its last page), and the progress the course home shows, in a real
// Chromium: keyboard only, feedback in the live region, localStorage (also junk in it), JS off.
import { AXE_TAGS, AxeBuilder } from '../support/axe.ts';
import { expect, test, type Page } from '../support/test.ts';
import { readFileSync } from 'node:fs';

/** How many questions chapter 4's self-check has (the tests below answer it). */
const N = (JSON.parse(readFileSync('content/quizzes/04-tcp-udp.json', 'utf8')) as { questions: unknown[] }).questions.length;


async function openQuiz(page: Page, url: string) {
  await page.goto(url);
  const quiz = page.locator('quiz-widget');
  await quiz.scrollIntoViewIfNeeded();
  await expect(quiz).toHaveAttribute('data-ready', '1');
  return quiz;
}

test('every chapter ends with a self-check of 3–8 questions in both languages, in the TOC', async ({ page }) => {
  for (const lang of ['zh', 'en']) {
    await page.goto(`/${lang}/`);
    const links = await page.locator('.chapter-cards a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThan(0);
    // Each chapter's HTML, parsed in the page: its contents link to the self-check (on its last
    // page when it is read in pages), and that page holds 3–8 questions.
    for (const href of links) {
      const found = await page.evaluate(async (href) => {
        const read = async (url: string) => new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
        const toQuiz = [...(await read(href)).querySelectorAll<HTMLAnchorElement>('.toc a[href$="#self-check"]')].map((a) => new URL(a.getAttribute('href')!, href).href);
        if (toQuiz.length !== 1) return { links: toQuiz.length, questions: 0, target: false };
        const last = await read(toQuiz[0]!);
        return { links: 1, questions: last.querySelectorAll('.quiz-q').length, target: !!last.getElementById('self-check') };
      }, href);
      expect(found.links, `${href}: links to #self-check in the contents`).toBe(1);
      expect(found.target, `${href}: the page it links to has #self-check`).toBe(true);
      expect(found.questions, href).toBeGreaterThanOrEqual(3);
      expect(found.questions, href).toBeLessThanOrEqual(8);
    }
    // Following the link in the contents scrolls the self-check into view (a chapter read in pages).
    await page.goto(`/${lang}/tcp-udp/`);
    await page.locator('.toc a[href$="#self-check"]').click();
    await expect(page.locator('#self-check')).toBeInViewport();
  }
});

test('keyboard alone: choose, check, hear the verdict, and the home counts it', async ({ page }) => {
  const quiz = await openQuiz(page, '/zh/tcp-udp/reliability/');
  const first = quiz.locator('.quiz-q').first();
  await first.locator('input[type=radio]').first().focus();
  await page.keyboard.press('ArrowDown'); // radios move and select with the arrow keys: B
  await page.keyboard.press('Tab');
  await expect(first.locator('.quiz-check')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(first).toHaveClass(/quiz-right/);
  await expect(first.locator('.quiz-feedback')).toContainText('答对了');
  await expect(quiz.locator('[aria-live=polite]')).toContainText('答对了');
  await expect(quiz.locator('.quiz-score')).toContainText(`答对 1 / ${N}`);

  // A wrong choice says why that choice is wrong, without giving the answer away.
  await first.locator('input[type=radio]').first().check();
  await first.locator('.quiz-check').click();
  await expect(first).toHaveClass(/quiz-wrong/);
  await expect(first.locator('.quiz-feedback')).toContainText('1024 已经是第一个用户端口');
  await expect(quiz.locator('.quiz-score')).toContainText(`答对 0 / ${N}`);
  await first.locator('input[type=radio]').nth(1).check();
  await first.locator('.quiz-check').click();

  await page.goto('/zh/');
  await expect(page.locator('[data-progress="tcp-udp"]')).toHaveText(`自测：答对 1 / ${N}`);
  await expect(page.locator('#progress-summary')).toBeVisible();
  // Progress belongs to the chapter, not the language.
  await page.goto('/en/');
  await expect(page.locator('[data-progress="tcp-udp"]')).toHaveText(`Self-check: 1 of ${N} right`);
});

test('number questions: full-width digits count, a known wrong value gets its own hint, junk is refused', async ({ page }) => {
  const quiz = await openQuiz(page, '/zh/tcp-udp/reliability/');
  const q = quiz.locator('[data-qid="ack-after-hello"]');
  const box = q.locator('input[type=text]');
  await box.fill('abc');
  await box.press('Enter');
  await expect(q.locator('.quiz-feedback')).toContainText('请填一个数字');
  await expect(q).not.toHaveClass(/quiz-(right|wrong)/);
  await expect(quiz.locator('.quiz-score')).toContainText('已答 0 题');
  await box.fill('105');
  await box.press('Enter');
  await expect(q.locator('.quiz-feedback')).toContainText('下一个期望的字节');
  await box.fill('１０６');
  await box.press('Enter');
  await expect(q).toHaveClass(/quiz-right/);
});

test('English page: English feedback, and clearing the chapter resets the score', async ({ page }) => {
  const quiz = await openQuiz(page, '/en/tcp-udp/reliability/');
  const q = quiz.locator('[data-qid="udp-unreliable"]');
  await q.locator('.quiz-check').click();
  await expect(q.locator('.quiz-feedback')).toHaveText('Pick one of the choices first.');
  await q.locator('input[type=radio]').nth(2).check();
  await q.locator('.quiz-check').click();
  await expect(q.locator('.quiz-feedback')).toContainText('Right.');
  await quiz.locator('.quiz-reset').click();
  await expect(quiz.locator('.quiz-score')).toContainText(`0 of ${N} right (0 answered)`);
  await expect(quiz.locator('.quiz-score')).toBeFocused();
  await page.reload();
  await expect(page.locator('quiz-widget')).toHaveAttribute('data-ready', '1');
  await expect(page.locator('[data-qid="udp-unreliable"] .quiz-last')).toHaveText('');
});

test('junk in localStorage neither breaks the quiz nor the home', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/zh/');
  await page.evaluate(() => localStorage.setItem('nc-quiz-v1', '{"tcp-udp": [1,2,3], "x": {"y": "z"'));
  await page.reload();
  await expect(page.locator('#progress-summary')).toBeHidden();
  const quiz = await openQuiz(page, '/zh/tcp-udp/reliability/');
  await quiz.locator('.quiz-q').first().locator('input[type=radio]').nth(1).check();
  await quiz.locator('.quiz-q').first().locator('.quiz-check').click();
  await expect(quiz.locator('.quiz-score')).toContainText(`答对 1 / ${N}`);
  expect(errors).toEqual([]);
});

test('a previous answer is shown when the reader comes back', async ({ page }) => {
  const quiz = await openQuiz(page, '/zh/tcp-udp/reliability/');
  const q = quiz.locator('[data-qid="time-wait-side"]');
  await q.locator('input[type=radio]').nth(2).check();
  await q.locator('.quiz-check').click();
  await page.reload();
  await expect(page.locator('[data-qid="time-wait-side"] .quiz-last')).toHaveText('上次答错了');
});

test('zero axe violations with answered questions, in light and dark', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const quiz = await openQuiz(page, '/zh/tcp-udp/reliability/');
    await quiz.locator('.quiz-q').first().locator('input[type=radio]').nth(1).check();
    await quiz.locator('.quiz-q').first().locator('.quiz-check').click();
    await quiz.locator('[data-qid="ack-after-hello"] input').fill('9');
    await quiz.locator('[data-qid="ack-after-hello"] .quiz-check').click();
    await quiz.locator('details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const result = await new AxeBuilder({ page }).include('.quiz').withTags(AXE_TAGS).analyze();
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the questions show with their answers folded in <details>', async ({ page }) => {
    await page.goto('/zh/tcp-udp/reliability/');
    const q = page.locator('[data-qid="ack-after-hello"]');
    await expect(q.locator('legend')).toContainText('ACK 号是多少');
    await expect(q.locator('details summary')).toHaveText('看答案和解析');
    await q.locator('details summary').click();
    await expect(q.locator('details')).toContainText('答案：106');
    await expect(page.locator('.quiz-check')).toHaveCount(0);
  });
  test('each question’s number is beside the question, not beside its first choice', async ({ page }) => {
    await page.goto('/zh/tcp-udp/reliability/');
    const qs = page.locator('.quiz-q');
    const n = await qs.count();
    for (let i = 0; i < n; i++) {
      const q = qs.nth(i);
      await expect(q.locator('.quiz-n')).toHaveText(`${i + 1}.`);
      const [num, legend, first] = await Promise.all(['.quiz-n', 'legend', '.quiz-choice, .quiz-number'].map((s) => q.locator(s).first().boundingBox()));
      // On the legend's first line, to its left, and above the first choice or the answer box.
      expect(Math.abs(num!.y - legend!.y), `question ${i + 1}`).toBeLessThan(4);
      expect(num!.x + num!.width).toBeLessThanOrEqual(legend!.x + 1);
      expect(num!.y + num!.height).toBeLessThanOrEqual(first!.y);
      // No list marker as well (it would sit beside option A).
      expect(await q.evaluate((li) => getComputedStyle(li).listStyleType)).toBe('none');
    }
  });
});
