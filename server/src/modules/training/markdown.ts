import MarkdownIt from 'markdown-it';

/**
 * Lesson markdown → HTML. Raw HTML in the source is escaped (html: false) and markdown-it refuses javascript:,
 * vbscript: and data: links by default, so what authors write cannot run script in a trainee's browser.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: true });

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet('href') ?? '');
  if (/^https?:\/\//i.test(href)) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Renders lesson markdown safely; headings start at level 2 so the page keeps a single h1. */
export function renderMarkdown(source: string): string {
  return md.render(source.replace(/^# /gm, '## '));
}
