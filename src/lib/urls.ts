import type { Lang } from '../i18n/ui.ts';

/** The site's base path with exactly one trailing slash: `/` or `/course/`. */
export function basePath(base: string = import.meta.env.BASE_URL): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/** A site path under the base: `withBase('zh/tcp-udp/')` → `/course/zh/tcp-udp/`. */
export function withBase(path: string, base?: string): string {
  return basePath(base) + path.replace(/^\/+/, '');
}

export function homeUrl(lang: Lang, base?: string): string {
  return withBase(`${lang}/`, base);
}

export function chapterUrl(lang: Lang, slug: string, base?: string): string {
  return withBase(`${lang}/${slug}/`, base);
}
