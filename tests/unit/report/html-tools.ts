/** Helpers to inspect exported HTML with parse5 (the spec's own parsing algorithm). */
import { parse } from 'parse5';

export interface El {
  tag: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

interface P5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: P5Node[];
  content?: P5Node;
}

function convert(node: P5Node): El {
  const children = [...(node.childNodes ?? []), ...(node.content?.childNodes ?? [])];
  const els = children.filter((c) => c.tagName !== undefined).map(convert);
  const text = children
    .map((c) => (c.nodeName === '#text' ? (c.value ?? '') : c.tagName !== undefined ? convert(c).text : ''))
    .join('');
  return {
    tag: node.tagName ?? node.nodeName,
    attrs: Object.fromEntries((node.attrs ?? []).map((a) => [a.name, a.value])),
    children: els,
    text,
  };
}

export function parseHtml(html: string): El {
  return convert(parse(html) as unknown as P5Node);
}

export function all(root: El, pred: (el: El) => boolean): El[] {
  const out: El[] = [];
  const walk = (el: El) => {
    if (pred(el)) out.push(el);
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

const URL_ATTRS = [
  'src',
  'href',
  'xlink:href',
  'srcset',
  'action',
  'formaction',
  'poster',
  'data',
  'background',
  'ping',
  'manifest',
  'cite',
  'longdesc',
  'codebase',
  'archive',
];

/**
 * Everything in the document that would make a viewer fetch something: URL attributes, url()
 * and @import in styles, and elements that load content by nature. Empty when self-contained.
 */
export function externalReferences(root: El): string[] {
  const found: string[] = [];
  for (const el of all(root, () => true)) {
    for (const name of URL_ATTRS)
      if (el.attrs[name] !== undefined) found.push(`<${el.tag} ${name}="${el.attrs[name]}">`);
    const style = el.attrs.style ?? '';
    if (/url\s*\(|@import|image-set\s*\(/i.test(style)) found.push(`<${el.tag} style="${style}">`);
    if (el.tag === 'style' && /url\s*\(|@import|image-set\s*\(/i.test(el.text))
      found.push(`<style> with url()/@import`);
    if (
      [
        'script',
        'link',
        'iframe',
        'frame',
        'object',
        'embed',
        'img',
        'video',
        'audio',
        'source',
        'track',
        'base',
        'form',
        'image',
        'use',
        'foreignObject',
      ].includes(el.tag)
    ) {
      found.push(`<${el.tag}>`);
    }
    if (el.tag === 'meta' && (el.attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') found.push('<meta refresh>');
    for (const [name, value] of Object.entries(el.attrs))
      if (/^\s*(https?:|\/\/|ftp:|file:)/i.test(value) || name.startsWith('on')) found.push(`<${el.tag} ${name}>`);
  }
  return found;
}
