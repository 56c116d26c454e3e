/**
 * Export renderers: pure functions from a session's analysis to Markdown, HTML and WebVTT (the
 * JSON export and the PDF step live in the back end, which uses these too).
 */
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import { DEFAULT_RENDER_OPTIONS, type RenderOptions, type ReportSource } from './model';
import { renderVtt } from './vtt';

export type TextFormat = 'md' | 'html' | 'vtt';

export function renderText(
  format: TextFormat,
  source: ReportSource,
  options: RenderOptions = DEFAULT_RENDER_OPTIONS,
): string {
  switch (format) {
    case 'md':
      return renderMarkdown(source, options);
    case 'html':
      return renderHtml(source, options);
    case 'vtt':
      return renderVtt(source);
  }
}

export { renderHtml };
export type { RenderOptions, ReportMeta, ReportSource } from './model';
