// The course home shows what the reader has done in each chapter's self-check (kept in
// localStorage by the quiz element), and a total. Nothing shows before the first answer, and a
// browser that refuses storage simply shows nothing. Loaded like a widget (data-widget="progress"
// on the part list), so the home's JavaScript before interaction stays the site script alone.
import { PROGRESS_KEY, parseProgress, score } from '../../lib/quiz.ts';

const en = document.documentElement.lang.startsWith('en');
let raw: string | null = null;
try {
  raw = localStorage.getItem(PROGRESS_KEY);
} catch {
  /* storage disabled */
}
const progress = parseProgress(raw);
let right = 0;
let total = 0;
let answered = 0;
for (const p of document.querySelectorAll<HTMLElement>('[data-progress]')) {
  const s = score(progress, p.dataset.progress ?? '', (p.dataset.ids ?? '').split(' ').filter(Boolean));
  right += s.right;
  total += s.total;
  answered += s.answered;
  if (!s.answered) continue;
  p.textContent = en ? `Self-check: ${s.right} of ${s.total} right` : `自测：答对 ${s.right} / ${s.total}`;
  p.classList.toggle('done', s.right === s.total);
  p.hidden = false;
}
const sum = document.getElementById('progress-summary');
if (sum && answered) {
  sum.textContent = en ? `Your self-checks so far: ${right} of ${total} questions right.` : `自测进度：全部 ${total} 题中已答对 ${right} 题。`;
  sum.hidden = false;
}
