// The self-check, live: a "check" button per question, feedback drawn from the reasons the page
// already carries (the folded answers), narration in a polite live region, and progress in
// localStorage. Everything it reads is in the server-rendered markup (src/components/Quiz.astro);
// the grading rules are src/lib/quiz.ts.
import { PROGRESS_KEY, forget, grade, parseProgress, record, score, type Progress, type Question } from '../../lib/quiz.ts';
import { langOf } from '../kit/i18n.ts';
import { text } from './i18n.ts';

function load(): Progress | null {
  try {
    return parseProgress(localStorage.getItem(PROGRESS_KEY));
  } catch {
    return null;
  }
}

function save(p: Progress): boolean {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
    return true;
  } catch {
    return false;
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls: string, content = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = content;
  return e;
}

class QuizWidget extends HTMLElement {
  connectedCallback() {
    if (this.dataset.ready) return;
    this.dataset.ready = '1';
    const t = text[langOf(this)];
    const slug = this.dataset.slug ?? '';
    const items = [...this.querySelectorAll<HTMLLIElement>('li.quiz-q')];
    const ids = items.map((li) => li.dataset.qid ?? '');
    const live = el('p', 'sr-only');
    live.setAttribute('aria-live', 'polite');
    const scoreLine = el('p', 'quiz-score');
    const reset = el('button', 'quiz-reset', t.reset);
    reset.type = 'button';
    const foot = el('div', 'quiz-foot');
    foot.append(scoreLine, reset);
    this.append(foot, live);
    let storageOk = load() !== null;

    const say = (msg: string) => {
      live.textContent = '';
      // A fresh text node, so the same message twice is announced twice.
      requestAnimationFrame(() => (live.textContent = msg));
    };
    const refresh = () => {
      const s = score(load() ?? {}, slug, ids);
      scoreLine.textContent = storageOk ? t.score(s.right, s.answered, s.total) : t.noStorage;
      reset.hidden = !storageOk || s.answered === 0;
    };

    for (const li of items) {
      const id = li.dataset.qid ?? '';
      const q: Question =
        li.dataset.type === 'number'
          ? { id, type: 'number', answer: Number(li.dataset.answer), near: (li.dataset.near ?? '').split(' ').filter(Boolean).map(Number) }
          : { id, type: 'choice', answer: Number(li.dataset.answer), choices: Number(li.dataset.choices) };
      const button = el('button', 'quiz-check', t.check);
      button.type = 'button';
      const feedback = el('p', 'quiz-feedback');
      feedback.id = `${li.id}-feedback`;
      const badge = el('span', 'quiz-last');
      li.querySelector('fieldset')!.after(button, badge, feedback);
      li.querySelector('fieldset')!.setAttribute('aria-describedby', feedback.id);
      const input = li.querySelector<HTMLInputElement>('input[type=text]');
      const reason = (sel: string) => li.querySelector(`details ${sel}`)?.textContent?.replace(/^\s*[A-F]\.\s*/, '').replace(/\s+/g, ' ').trim() ?? '';

      const check = () => {
        const response = input ? input.value : (li.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value ?? null);
        const v = grade(q, response);
        let msg: string;
        if (v.kind === 'invalid') {
          msg = v.reason === 'not-a-number' ? t.notNumber : v.reason === 'too-long' ? t.tooLong : input ? t.notNumber : t.pick;
          li.classList.remove('quiz-right', 'quiz-wrong');
        } else {
          const ok = v.kind === 'right';
          li.classList.toggle('quiz-right', ok);
          li.classList.toggle('quiz-wrong', !ok);
          badge.textContent = '';
          let why = '';
          if (q.type === 'choice') why = reason(`li[data-choice="${response}"]`);
          else if (ok) why = reason('.quiz-why');
          else if (v.kind === 'wrong' && v.near !== undefined) why = reason(`li[data-near="${v.near}"]`).replace(/^[^:：]*[:：]\s*/, '');
          msg = ok ? `${t.right} ${why}` : `${t.wrong} ${why || t.tryAgain}`;
          const next = record(load() ?? {}, slug, id, ok);
          storageOk = save(next);
          refresh();
        }
        feedback.textContent = msg.trim();
        say(msg.trim());
      };
      button.addEventListener('click', check);
      input?.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          check();
        }
      });
    }

    const paintLast = () => {
      const answers = (load() ?? {})[slug] ?? {};
      for (const li of items) {
        const ok = answers[li.dataset.qid ?? ''];
        const badge = li.querySelector<HTMLElement>('.quiz-last')!;
        badge.textContent = ok === undefined ? '' : t.last(ok);
        badge.dataset.ok = String(ok);
      }
    };
    reset.addEventListener('click', () => {
      storageOk = save(forget(load() ?? {}, slug));
      for (const li of items) {
        li.classList.remove('quiz-right', 'quiz-wrong');
        li.querySelector('.quiz-feedback')!.textContent = '';
      }
      paintLast();
      refresh();
      say(t.cleared);
      scoreLine.focus();
    });
    scoreLine.tabIndex = -1;
    paintLast();
    refresh();
  }
}

if (!customElements.get('quiz-widget')) customElements.define('quiz-widget', QuizWidget);
