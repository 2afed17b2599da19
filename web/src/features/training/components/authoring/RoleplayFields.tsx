import { Button, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../../../lib/api-client.ts';
import type { RoleplayNode, RoleplayScenario } from '../../api.ts';

const END = '__end__';

/** A new scenario: one step that ends when the trainee listens and waits for another try when they do not. */
export function blankScenario(): RoleplayScenario {
  return { persona: '', setting: '', startNodeId: 's1', nodes: [{ id: 's1', says: '', next: { listened: null, missed: 's1' } }] };
}

/** The first free step name (s1, s2, …), so names stay unique as steps are added and removed. */
function nextStepId(nodes: RoleplayNode[]): string {
  let n = nodes.length + 1;
  while (nodes.some((x) => x.id === `s${n}`)) n++;
  return `s${n}`;
}

/**
 * The role-play editor: who the trainee talks to, the setting, and branching steps. Each step says something; when the
 * trainee listens (reflects, validates, asks openly) it goes one way, when they rush to advice or judgment another.
 */
export function RoleplayFields({ roleplay, onChange, error }: { roleplay: RoleplayScenario; onChange: (r: RoleplayScenario) => void; error: unknown }) {
  const { t } = useTranslation();
  const nodes = roleplay.nodes;
  const stepName = (id: string) => t('training.authoring.roleplay.step', { n: nodes.findIndex((x) => x.id === id) + 1 });
  const targets = [{ value: END, label: t('training.authoring.roleplay.end') }, ...nodes.map((x) => ({ value: x.id, label: stepName(x.id) }))];
  const setNode = (i: number, node: RoleplayNode) => onChange({ ...roleplay, nodes: nodes.map((x, j) => (j === i ? node : x)) });
  const removeNode = (i: number) => {
    const gone = nodes[i]!.id;
    const rest = nodes.filter((_x, j) => j !== i).map((x) => ({
      ...x,
      next: { listened: x.next.listened === gone ? null : x.next.listened, missed: x.next.missed === gone ? null : x.next.missed },
    }));
    onChange({ ...roleplay, nodes: rest, startNodeId: roleplay.startNodeId === gone ? rest[0]!.id : roleplay.startNodeId });
  };
  const addNode = () => {
    const id = nextStepId(nodes);
    onChange({ ...roleplay, nodes: [...nodes, { id, says: '', next: { listened: null, missed: id } }] });
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('training.authoring.roleplay.intro')}</Text>
      <TextInput label={t('training.authoring.roleplay.persona')} description={t('training.authoring.roleplay.personaHelp')} value={roleplay.persona} onChange={(e) => onChange({ ...roleplay, persona: e.currentTarget.value })} required maxLength={200} error={fieldError(error, 'content.roleplay.persona')} />
      <Textarea label={t('training.authoring.roleplay.setting')} value={roleplay.setting} onChange={(e) => onChange({ ...roleplay, setting: e.currentTarget.value })} autosize minRows={2} maxLength={2000} error={fieldError(error, 'content.roleplay.setting')} />
      <Select
        label={t('training.authoring.roleplay.start')}
        data={nodes.map((x) => ({ value: x.id, label: stepName(x.id) }))}
        value={roleplay.startNodeId}
        onChange={(v) => v && onChange({ ...roleplay, startNodeId: v })}
        allowDeselect={false}
        maw={260}
        error={fieldError(error, 'content.roleplay.startNodeId')}
      />
      {nodes.map((node, i) => (
        <Paper key={node.id} withBorder p="sm" radius="md" component="fieldset" style={{ margin: 0 }}>
          <Title order={3} size="h5" component="legend">{stepName(node.id)}</Title>
          <Stack gap="xs">
            <Textarea
              label={t('training.authoring.roleplay.says', { step: stepName(node.id) })}
              value={node.says}
              onChange={(e) => setNode(i, { ...node, says: e.currentTarget.value })}
              autosize
              minRows={2}
              required
              maxLength={2000}
              error={fieldError(error, `content.roleplay.nodes.${i}.says`)}
            />
            {/* One column on phones: side by side, "End the conversation" was cut off. */}
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Select
                label={t('training.authoring.roleplay.listened', { step: stepName(node.id) })}
                data={targets}
                value={node.next.listened ?? END}
                onChange={(v) => v && setNode(i, { ...node, next: { ...node.next, listened: v === END ? null : v } })}
                allowDeselect={false}
              />
              <Select
                label={t('training.authoring.roleplay.missed', { step: stepName(node.id) })}
                data={targets}
                value={node.next.missed ?? END}
                onChange={(v) => v && setNode(i, { ...node, next: { ...node.next, missed: v === END ? null : v } })}
                allowDeselect={false}
              />
            </SimpleGrid>
            {nodes.length > 1 && (
              <Button size="xs" variant="subtle" color="red" style={{ alignSelf: 'flex-start' }} onClick={() => removeNode(i)}>
                {t('training.authoring.roleplay.remove', { step: stepName(node.id) })}
              </Button>
            )}
          </Stack>
        </Paper>
      ))}
      {fieldError(error, 'content.roleplay.nodes') && !nodes.some((_n, i) => fieldError(error, `content.roleplay.nodes.${i}.says`)) && (
        <Text size="sm" c="red.8" role="alert">{fieldError(error, 'content.roleplay.nodes')}</Text>
      )}
      {nodes.length < 50 && (
        <Button size="xs" variant="light" style={{ alignSelf: 'flex-start' }} onClick={addNode}>{t('training.authoring.roleplay.add')}</Button>
      )}
    </Stack>
  );
}
