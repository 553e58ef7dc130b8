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
  }).strict(),
});

export const collections = { chapters };
