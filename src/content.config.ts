import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { PARTS } from './lib/parts.ts';

// COURSE_CHAPTERS lets the build tests point the site at a folder of broken chapters.
const base = process.env.COURSE_CHAPTERS ?? './content/chapters';

const chapters = defineCollection({
  loader: glob({ pattern: '{zh,en}/*.mdx', base }),
  schema: z.object({
    title: z.string().trim().min(1),
    /** Chapter number in the course (1–13 …); also the reading order. */
    order: z.number().int().min(1).max(99),
    part: z.number().int().min(1).max(PARTS.length),
    summary: z.string().trim().min(1),
    /** A short form of the title for tight places (the hidden tab's title). */
    short: z.string().trim().min(1).optional(),
    /**
     * A long chapter is read as pages: the ids of the h2 sections where a new page starts, the same
     * in both twins (src/lib/chapter-pages.ts). Add one when `npm test` says a page is over budget.
     */
    splitAt: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)).optional(),
  }).strict(),
});

// Self-checks: content/quizzes/NN-slug.json, one file per chapter pair (same name as the chapter),
// both languages side by side so the answer cannot differ between them. Text is plain with
// `backticks` for code. Rendered at the end of the chapter by the layout.
const quizText = z.string().trim().min(1);
/**
 * A question that sends the reader to a lab: the widget's id (LABS in src/lib/course.ts) and a state
 * of it as its link writes it. The quiz shows a link that opens the widget in that state.
 */
const tryIt = z.object({ widget: z.string().regex(/^[a-z][a-z0-9-]*$/), state: z.string().regex(/^[A-Za-z0-9._~*:-]{1,200}$/) }).strict();
const choiceQuestion = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  type: z.literal('choice'),
  /** Index of the right choice. */
  answer: z.number().int().min(0),
  try: tryIt.optional(),
  zh: z.object({ q: quizText, choices: z.array(quizText).min(2).max(6), why: z.array(quizText) }).strict(),
  en: z.object({ q: quizText, choices: z.array(quizText).min(2).max(6), why: z.array(quizText) }).strict(),
}).strict().refine(
  (x) => x.answer < x.zh.choices.length
    && x.zh.choices.length === x.en.choices.length
    && x.zh.why.length === x.zh.choices.length
    && x.en.why.length === x.en.choices.length,
  { message: 'a choice question needs the same number of choices in zh and en, one "why" per choice, and an answer index inside the list' },
);
const numberQuestion = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  type: z.literal('number'),
  answer: z.number(),
  try: tryIt.optional(),
  zh: z.object({ q: quizText, why: quizText, unit: quizText.optional() }).strict(),
  en: z.object({ q: quizText, why: quizText, unit: quizText.optional() }).strict(),
  /** Likely wrong answers and what each one shows the student got wrong. */
  near: z.array(z.object({ value: z.number(), zh: quizText, en: quizText }).strict()).optional(),
}).strict();

const quizzes = defineCollection({
  loader: glob({ pattern: '*.json', base: process.env.COURSE_QUIZZES ?? './content/quizzes' }),
  schema: z.object({
    questions: z.array(z.union([choiceQuestion, numberQuestion])).min(3).max(8),
  }).strict(),
});

export const collections = { chapters, quizzes };
