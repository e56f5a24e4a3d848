import { Box, Group, Select, Stack, Table, Text } from '@mantine/core';
import { diffWords, type Change } from 'diff';
import { useState } from 'react';
import type { ArticleView } from '../../api';
import { showDateTime } from '../../format';

type Revision = ArticleView['revisions'][number];

/** A body's text, one block a line: the diff compares what the reader reads, never markup (so nothing is rendered as HTML). */
export function bodyText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const blocks = Array.from(doc.body.querySelectorAll('p, h2, h3, h4, li, blockquote, figcaption, td, th'));
  if (blocks.length === 0) return doc.body.textContent ?? '';
  return blocks
    .filter((block) => !block.querySelector('p, li'))
    .map((block) => (block.textContent ?? '').trim())
    .join('\n');
}

function fieldsOf(revision: Revision): { label: string; text: string }[] {
  return [
    { label: 'Tiêu đề', text: revision.title },
    { label: 'Sa-pô', text: revision.lead },
    { label: 'Nội dung', text: bodyText(revision.bodyHtml) },
    { label: 'Tác giả', text: revision.author ?? '' },
    { label: 'Nguồn', text: revision.source ?? '' },
    { label: 'Thẻ', text: revision.tags.join(', ') },
  ];
}

function Changes({ parts }: { parts: Change[] }) {
  return (
    <Box style={{ whiteSpace: 'pre-wrap' }}>
      {parts.map((part, index) =>
        part.added ? (
          <ins key={index} className="diff-added" style={{ background: 'var(--mantine-color-green-1)', textDecoration: 'underline' }}>
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={index} className="diff-removed" style={{ background: 'var(--mantine-color-red-1)' }}>
            {part.value}
          </del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </Box>
  );
}

/** The revisions of an article, and what changed between two of them (word by word; text, never HTML). */
export function RevisionHistory({ revisions }: { revisions: Revision[] }) {
  const sorted = [...revisions].sort((a, b) => a.number - b.number);
  const latest = sorted.at(-1)?.number ?? 1;
  const [from, setFrom] = useState(String(Math.max(1, latest - 1)));
  const [to, setTo] = useState(String(latest));
  const options = sorted.map((r) => ({ value: String(r.number), label: `Bản ${r.number} · ${showDateTime(r.savedAt)} · ${r.savedByName}` }));
  const older = sorted.find((r) => String(r.number) === from);
  const newer = sorted.find((r) => String(r.number) === to);
  return (
    <Stack gap="sm">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Bản</Table.Th>
            <Table.Th>Lưu lúc</Table.Th>
            <Table.Th>Người lưu</Table.Th>
            <Table.Th>Tiêu đề</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...sorted].reverse().map((r) => (
            <Table.Tr key={r.number}>
              <Table.Td>{r.number}</Table.Td>
              <Table.Td>{showDateTime(r.savedAt)}</Table.Td>
              <Table.Td>{r.savedByName}</Table.Td>
              <Table.Td>{r.title}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {sorted.length > 1 ? (
        <>
          <Group grow>
            <Select label="So sánh từ bản" data={options} value={from} onChange={(v) => v && setFrom(v)} allowDeselect={false} />
            <Select label="Đến bản" data={options} value={to} onChange={(v) => v && setTo(v)} allowDeselect={false} />
          </Group>
          {older && newer ? (
            <Stack gap="xs" aria-label={`Khác biệt giữa bản ${older.number} và bản ${newer.number}`} role="region">
              {fieldsOf(older).map((field, index) => {
                const after = fieldsOf(newer)[index]!;
                if (field.text === after.text) return null;
                return (
                  <Stack key={field.label} gap={2}>
                    <Text fw={700} size="sm">
                      {field.label}
                    </Text>
                    <Changes parts={diffWords(field.text, after.text)} />
                  </Stack>
                );
              })}
              {fieldsOf(older).every((field, index) => field.text === fieldsOf(newer)[index]!.text) ? (
                <Text c="dimmed" size="sm">
                  Hai bản giống nhau.
                </Text>
              ) : null}
            </Stack>
          ) : null}
        </>
      ) : (
        <Text c="dimmed" size="sm">
          Mới có một bản.
        </Text>
      )}
    </Stack>
  );
}
