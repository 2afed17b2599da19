import { useId, type ReactNode } from 'react';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, Bar, BarChart } from 'recharts';

export type Series = { key: string; label: string; color: string };
type Row = Record<string, string | number | null>;

/**
 * A chart with its words: a heading, a plain-language summary, the chart (hidden from screen readers, which get
 * the summary and the table instead) and the same numbers as a table under "Show as a table".
 */
export function ChartFigure(props: {
  title: string;
  summary: ReactNode;
  help?: string;
  rows: Row[];
  xKey: string;
  xLabel: string;
  series: Series[];
  kind?: 'line' | 'bar';
  yDomain?: [number, number];
  empty?: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const id = useId();
  const { rows, xKey, series } = props;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Stack gap="xs">
        <Title order={props.headingLevel ?? 2} size="h3" id={id}>
          {props.title}
        </Title>
        {props.help && <Text size="sm" c="dimmed">{props.help}</Text>}
        {rows.length === 0 ? (
          <Text>{props.empty ?? t('outcomes.progress.noData')}</Text>
        ) : (
          <>
            <Text>{props.summary}</Text>
            <div aria-hidden="true" style={{ width: '100%', height: 220 }}>
              <ResponsiveContainer width="100%" height="100%">
                {props.kind === 'bar' ? (
                  <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 4, left: -12 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey={xKey} tick={{ fontSize: 12 }} />
                    <YAxis allowDecimals={false} domain={props.yDomain} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    {series.length > 1 && <Legend />}
                    {series.map((s) => <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />)}
                  </BarChart>
                ) : (
                  <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 12, bottom: 4, left: -12 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey={xKey} tick={{ fontSize: 12 }} />
                    <YAxis domain={props.yDomain} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    {series.length > 1 && <Legend />}
                    {series.map((s) => (
                      <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot connectNulls isAnimationActive={false} />
                    ))}
                  </LineChart>
                )}
              </ResponsiveContainer>
            </div>
            <details>
              <summary style={{ cursor: 'pointer', minHeight: 24 }}>{t('outcomes.chart.showTable')}</summary>
              <Table.ScrollContainer minWidth={280}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{props.xLabel}</Table.Th>
                      {series.map((s) => <Table.Th scope="col" key={s.key}>{s.label}</Table.Th>)}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r, i) => (
                      <Table.Tr key={i}>
                        <Table.Th scope="row" fw={400}>{r[xKey]}</Table.Th>
                        {series.map((s) => <Table.Td key={s.key}>{r[s.key] ?? '–'}</Table.Td>)}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </details>
          </>
        )}
      </Stack>
    </Paper>
  );
}
