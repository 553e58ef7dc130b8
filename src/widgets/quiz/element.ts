// The self-check, live: a "check" button per question, feedback drawn from the reasons the page
// already carries (the folded answers), narration in a polite live region, and progress in
// localStorage. Everything it reads is in the server-rendered markup (src/components/Quiz.astro);
// the grading rules are src/lib/quiz.ts.
import { PROGRESS_KEY, forget, grade, parseProgress, record, score, type Progress, type Question } from '../../lib/quiz.ts';

const text = {
  zh: {
    check: '检查答案',
    right: '答对了。',
    wrong: '还不对。',
    tryAgain: '可以再想想，或者展开下面的解析。',
    pick: '先选一个选项。',
    notNumber: '请填一个数字，例如 106（可以用全角数字，也可以带千位分隔符）。',
    tooLong: '答案太长了，填一个数字就行。',
    last: (ok: boolean) => (ok ? '上次答对了' : '上次答错了'),
    score: (r: number, a: number, n: number) => `本章自测：答对 ${r} / ${n}（已答 ${a} 题）`,
    reset: '清除本章记录',
    cleared: '已清除本章的自测记录。',
    noStorage: '这个浏览器不允许保存进度，答题结果不会被记住。',
  },
  en: {
    check: 'Check',
    right: 'Right.',
    wrong: 'Not quite.',
    tryAgain: 'Think again, or open the explanation below.',
    pick: 'Pick one of the choices first.',
    notNumber: 'Type a number, such as 106 (thousands separators are fine).',
    tooLong: 'That is too long; a number is enough.',
    last: (ok: boolean) => (ok ? 'Right last time' : 'Wrong last time'),
    score: (r: number, a: number, n: number) => `This chapter: ${r} of ${n} right (${a} answered)`,
    reset: 'Clear this chapter’s answers',
    cleared: 'This chapter’s answers are cleared.',
    noStorage: 'This browser does not let the page keep your progress, so answers are not remembered.',
  },
};

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
    const t = text[document.documentElement.lang.startsWith('en') ? 'en' : 'zh'];
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
