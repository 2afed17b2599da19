import { Fragment, type ReactNode } from 'react';
import { Anchor, Blockquote, Checkbox, Code, Divider, List, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { marked, type Token, type Tokens } from 'marked';

/** Only web, mail and in-app links; anything else (javascript:, data:) is shown as plain text. */
export function safeHref(href: string): { internal: boolean; href: string } | null {
  if (href.startsWith('/') && !href.startsWith('//')) return { internal: true, href };
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? { internal: false, href: url.toString() } : null;
  } catch {
    return null;
  }
}

function inline(tokens: Token[] | undefined, keyPrefix: string): ReactNode[] {
  return (tokens ?? []).map((token, i) => {
    const key = `${keyPrefix}-${i}`;
    switch (token.type) {
      case 'strong':
        return <strong key={key}>{inline((token as Tokens.Strong).tokens, key)}</strong>;
      case 'em':
        return <em key={key}>{inline((token as Tokens.Em).tokens, key)}</em>;
      case 'del':
        return <del key={key}>{inline((token as Tokens.Del).tokens, key)}</del>;
      case 'codespan':
        return <Code key={key}>{(token as Tokens.Codespan).text}</Code>;
      case 'br':
        return <br key={key} />;
      case 'link': {
        const link = token as Tokens.Link;
        const safe = safeHref(link.href);
        const children = inline(link.tokens, key);
        if (!safe) return <Fragment key={key}>{children}</Fragment>;
        return safe.internal ? (
          <Anchor key={key} component={Link} to={safe.href} c="ember.9" underline="always">
            {children}
          </Anchor>
        ) : (
          <Anchor key={key} href={safe.href} target="_blank" rel="noopener noreferrer" c="ember.9" underline="always">
            {children}
          </Anchor>
        );
      }
      case 'image':
        // Images are not loaded from anywhere; their description keeps the meaning.
        return <Fragment key={key}>{(token as Tokens.Image).text}</Fragment>;
      case 'text': {
        const text = token as Tokens.Text;
        return <Fragment key={key}>{text.tokens ? inline(text.tokens, key) : text.text}</Fragment>;
      }
      default:
        // escape, html and anything unknown: shown as the literal text, never as markup.
        return <Fragment key={key}>{'text' in token ? String(token.text) : token.raw}</Fragment>;
    }
  });
}

function block(token: Token, key: string): ReactNode {
  switch (token.type) {
    case 'heading': {
      const h = token as Tokens.Heading;
      // The page title is the only h1: "#" and "##" both become h2, deeper levels follow.
      const order = Math.min(6, Math.max(2, h.depth)) as 2 | 3 | 4 | 5 | 6;
      return (
        <Title key={key} order={order} size={order === 2 ? 'h3' : 'h4'} mt="md">
          {inline(h.tokens, key)}
        </Title>
      );
    }
    case 'paragraph':
      return <Text key={key}>{inline((token as Tokens.Paragraph).tokens, key)}</Text>;
    case 'list': {
      const list = token as Tokens.List;
      return (
        <List key={key} type={list.ordered ? 'ordered' : 'unordered'} spacing={4} withPadding>
          {list.items.map((item, i) => (
            <List.Item key={`${key}-${i}`}>
              {item.task ? (
                <Checkbox label={inline(item.tokens.flatMap((t) => (t.type === 'text' || t.type === 'paragraph' ? ((t as Tokens.Text).tokens ?? [t]) : [])), `${key}-${i}`)} defaultChecked={item.checked} />
              ) : (
                item.tokens.map((t, j) => (t.type === 'text' ? <Fragment key={j}>{inline((t as Tokens.Text).tokens, `${key}-${i}-${j}`)}</Fragment> : block(t, `${key}-${i}-${j}`)))
              )}
            </List.Item>
          ))}
        </List>
      );
    }
    case 'blockquote':
      return <Blockquote key={key} color="ember">{(token as Tokens.Blockquote).tokens.map((t, i) => block(t, `${key}-${i}`))}</Blockquote>;
    case 'hr':
      return <Divider key={key} my="sm" />;
    case 'code':
      return (
        <Code key={key} block>
          {(token as Tokens.Code).text}
        </Code>
      );
    case 'table': {
      const table = token as Tokens.Table;
      return (
        <Table key={key} withTableBorder>
          <Table.Thead>
            <Table.Tr>{table.header.map((cell, i) => <Table.Th key={i}>{inline(cell.tokens, `${key}-h${i}`)}</Table.Th>)}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((row, r) => (
              <Table.Tr key={r}>{row.map((cell, c) => <Table.Td key={c}>{inline(cell.tokens, `${key}-${r}-${c}`)}</Table.Td>)}</Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      );
    }
    case 'space':
      return null;
    default:
      return 'text' in token ? <Text key={key}>{String(token.text)}</Text> : null;
  }
}

/**
 * Renders library markdown as React elements. Raw HTML is never interpreted (it shows as text), links are limited to
 * web, mail and in-app addresses, and images are not fetched: safe for anything staff paste in.
 */
export function Markdown({ source }: { source: string }) {
  const tokens = marked.lexer(source, { gfm: true });
  return <div className="markdown">{tokens.map((t, i) => block(t, `b${i}`))}</div>;
}
