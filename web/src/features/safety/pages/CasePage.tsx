import { useRef } from 'react';
import { Anchor, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { fieldError, needsFormError } from '../../../lib/api-client.ts';
import { ErrorState, FormError, Loading } from '../../../lib/components/ErrorState.tsx';
import { formatShortDateTime } from '../../../lib/time.ts';
import { useDraft } from '../../../lib/use-draft.ts';
import { useFocusOnError } from '../../../lib/use-focus-on-error.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { useMe, useViewerZone } from '../../auth/hooks.ts';
import type { CaseDetail, CaseOutcome, ContextMessage, TimelineEntry } from '../api.ts';
import { useAcknowledgeCase, useAddCaseNote, useCase, useContactPerson, useOnCallLive, useRecordOutcome } from '../hooks.ts';
import { toPlanBody } from '../safety-plan.ts';
import { LevelBadge, StatusBadge, useNow, WaitingTime } from '../components/CaseBadges.tsx';
import { PlanView } from '../components/PlanView.tsx';
import { ScreenerForm } from '../components/ScreenerForm.tsx';
import { NotOnCallTeam } from './OnCallPage.tsx';

const OUTCOMES: CaseOutcome[] = ['resolved', 'referred', 'emergency_services', 'false_alarm'];

/** One case: what was said in context, the person's recent risk, their plan if shared, and what the team did. */
export function CasePage() {
  const { caseId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const detail = useCase(caseId);
  useOnCallLive();
  const name = detail.data?.subject.displayName ?? '';
  usePageTitle(detail.data ? t('safety.case.title', { name }) : t('safety.oncall.title'));
  if (!me?.abilities.moderate) return <NotOnCallTeam />;
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  return <CaseView d={detail.data} name={name} fetchedAt={detail.dataUpdatedAt} />;
}

function CaseView({ d: c, name, fetchedAt }: { d: CaseDetail; name: string; fetchedAt: number }) {
  const { t, i18n } = useTranslation();
  const zone = useViewerZone();
  const now = useNow(1000);
  const navigate = useNavigate();
  const ack = useAcknowledgeCase(c.id);
  const contact = useContactPerson(c.id);
  const when = (iso: string) => formatShortDateTime(iso, zone, i18n.language);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/on-call" size="sm">
        {t('safety.case.back')}
      </Anchor>
      <Stack gap={6}>
        <Title order={1}>{t('safety.case.title', { name })}</Title>
        <Group gap="xs">
          <LevelBadge level={c.level} />
          <StatusBadge c={c} />
          {c.tier > 1 && <Text size="sm">{t('safety.case.tier', { tier: c.tier })}</Text>}
        </Group>
        <Text size="sm">
          {t('safety.case.opened', { when: when(c.openedAt) })} · {c.status === 'open' ? <WaitingTime seconds={c.waitingSeconds} fetchedAt={fetchedAt} now={now} /> : null}
        </Text>
        <Text size="sm">
          {t(`safety.kind.${c.kind}`)} · {t(`safety.source.${c.sourceKind}`, { defaultValue: c.sourceKind })}
        </Text>
      </Stack>

      <Group gap="sm">
        {c.abilities.acknowledge && c.status === 'open' && (
          <Button onClick={() => ack.mutate(undefined)} loading={ack.isPending}>
            {t('safety.case.acknowledge')}
          </Button>
        )}
        {c.abilities.contact && (
          <Button
            variant={c.status === 'open' ? 'outline' : 'filled'}
            loading={contact.isPending}
            onClick={() => contact.mutate(undefined, { onSuccess: (r) => void navigate(`/support/${r.conversationId}`) })}
          >
            {t('safety.case.contact', { name })}
          </Button>
        )}
      </Group>
      {ack.isError && <FormError error={ack.error} />}
      {contact.isError && <FormError error={contact.error} />}

      <Section id="context-title" title={t('safety.case.contextTitle')}>
        {c.context.forumPost ? (
          <Stack gap={4} style={{ padding: '6px 8px', borderRadius: 8, background: 'var(--mantine-color-ember-0)', borderLeft: '4px solid #a84c22' }}>
            <Text fw={650}>{c.context.forumPost.title}</Text>
            {c.context.forumPost.held && (
              <Text size="sm" fw={700} c="ember.9">
                {t('safety.case.held')}
              </Text>
            )}
            <Text className="message-body">{c.context.forumPost.body}</Text>
            <Anchor component={Link} to={`/forums/threads/${c.context.forumPost.threadId}`} size="sm">
              {t('safety.case.openThread')}
            </Anchor>
          </Stack>
        ) : c.context.messages.length > 0 ? (
          <Stack component="ol" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {c.context.messages.map((m) => (
              <ContextItem key={m.id} m={m} flagged={m.flagged} when={when(m.createdAt)} />
            ))}
          </Stack>
        ) : (
          <Text>{t('safety.case.noContext')}</Text>
        )}
      </Section>

      <Section id="risk-title" title={t('safety.case.riskTitle')}>
        {c.riskHistory.length === 0 ? (
          <Text>{t('safety.case.noRisk')}</Text>
        ) : (
          <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {c.riskHistory.map((r, i) => (
              <li key={`${r.at}-${i}`}>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {when(r.at)}
                  </Text>
                  <LevelBadge level={r.level} />
                  <Text size="sm" c="dimmed">
                    {t(`safety.source.${r.sourceKind}`, { defaultValue: r.sourceKind })}
                    {r.reasons.length > 0 ? ` · ${r.reasons.join(', ')}` : ''}
                  </Text>
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </Section>

      <Section id="plan-title" title={t('safety.case.planTitle')}>
        {c.safetyPlan ? <PlanView plan={toPlanBody(c.safetyPlan)} /> : <Text>{t('safety.case.noPlan', { name })}</Text>}
      </Section>

      {c.abilities.screen && c.status !== 'resolved' && (
        <Section id="case-screener-title" title={t('safety.screener.staffTitle')}>
          <ScreenerForm caseId={c.id} />
        </Section>
      )}

      {c.abilities.note && <NoteForm caseId={c.id} />}

      <Section id="timeline-title" title={t('safety.case.timelineTitle')}>
        {c.timeline.length === 0 ? (
          <Text>{t('safety.case.noTimeline')}</Text>
        ) : (
          <Stack component="ol" gap={6} style={{ padding: 0, margin: 0, listStyle: 'none' }}>
            {c.timeline.map((e) => (
              <li key={e.id}>
                <Text size="sm">
                  <Text span fw={600}>
                    {when(e.at)}
                  </Text>{' '}
                  {timelineLabel(e, t)}
                </Text>
                {timelineText(e) && (
                  <Text size="sm" className="message-body" pl="md">
                    {timelineText(e)}
                  </Text>
                )}
              </li>
            ))}
          </Stack>
        )}
      </Section>

      {c.status === 'resolved' ? (
        <Section id="outcome-title" title={t('safety.case.outcomeTitle')}>
          <Text>{c.outcome ? t(`safety.outcome.${c.outcome}`) : t('safety.oncall.status.resolved')}</Text>
          {c.outcomeNotes && (
            <Text size="sm" className="message-body" mt={4}>
              {c.outcomeNotes}
            </Text>
          )}
        </Section>
      ) : (
        c.abilities.recordOutcome && <OutcomeForm caseId={c.id} />
      )}
    </Stack>
  );
}

/** What a timeline entry says: a new signal joining the case, a repeat alert, or the event by its kind. */
function timelineLabel(e: TimelineEntry, t: TFunction): string {
  const raised = e.data.raised as { kind?: string } | undefined;
  if (e.kind === 'note' && raised?.kind) return t('safety.timeline.raised', { source: t(`safety.source.${String(e.data.signal)}`, { defaultValue: raised.kind }) });
  if (e.kind === 'note' && !e.actor) return t('safety.timeline.signal');
  if (e.kind === 'alerted' && typeof e.data.repeat === 'number') return t('safety.timeline.realerted');
  return t(`safety.timeline.${e.kind}`, { defaultValue: e.kind, name: e.actor?.displayName ?? t('safety.timeline.system') });
}

/** The free text of a timeline entry (a note, or outcome notes), if any. */
function timelineText(e: TimelineEntry): string | null {
  const text = e.data.text ?? e.data.notes;
  return typeof text === 'string' && text ? text : null;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function ContextItem({ m, flagged, when }: { m: ContextMessage; flagged: boolean; when: string }) {
  const { t } = useTranslation();
  return (
    <li style={{ padding: '6px 8px', borderRadius: 8, background: flagged ? 'var(--mantine-color-ember-0)' : undefined, borderLeft: flagged ? '4px solid #a84c22' : '4px solid transparent' }}>
      <Text size="sm" fw={650}>
        {m.author?.displayName ?? t('chat.formerMember')}{' '}
        <Text span size="xs" c="dimmed" fw={400}>
          {when}
        </Text>
        {flagged && (
          <Text span size="xs" fw={700} c="ember.9" ml={6}>
            {t('safety.case.flagged')}
          </Text>
        )}
      </Text>
      <Text className="message-body">{m.body}</Text>
    </li>
  );
}

function NoteForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [text, setText, clear] = useDraft(`safety.case.${caseId}.note`);
  const add = useAddCaseNote(caseId);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, add.error);
  return (
    <Section id="note-title" title={t('safety.case.noteTitle')}>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          add.mutate(text.trim(), { onSuccess: clear });
        }}
      >
        <Stack gap="sm">
          <Textarea label={t('safety.case.noteLabel')} description={t('safety.case.noteHelp')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} error={fieldError(add.error, 'text')} />
          {needsFormError(add.error, ['text']) && <FormError error={add.error} />}
          <Button type="submit" loading={add.isPending} w="fit-content" disabled={!text.trim()}>
            {t('safety.case.addNote')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function OutcomeForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useDraft(`safety.case.${caseId}.outcome`);
  const [notes, setNotes, clearNotes] = useDraft(`safety.case.${caseId}.outcomeNotes`);
  const record = useRecordOutcome(caseId);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, record.error);
  return (
    <Section id="outcome-title" title={t('safety.case.outcomeTitle')}>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!outcome) return;
          record.mutate({ outcome: outcome as CaseOutcome, ...(notes.trim() ? { notes: notes.trim() } : {}) }, { onSuccess: () => { clearNotes(); setOutcome(''); } });
        }}
      >
        <Stack gap="sm">
          <Radio.Group label={t('safety.case.outcomeLabel')} value={outcome || null} onChange={setOutcome} error={fieldError(record.error, 'outcome')}>
            <Stack gap={6} mt={6}>
              {OUTCOMES.map((o) => (
                <Radio key={o} value={o} label={t(`safety.outcome.${o}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea label={t('safety.case.outcomeNotes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} error={fieldError(record.error, 'notes')} />
          {needsFormError(record.error, ['outcome', 'notes']) && <FormError error={record.error} />}
          <Button type="submit" loading={record.isPending} w="fit-content" disabled={!outcome}>
            {t('safety.case.closeCase')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
