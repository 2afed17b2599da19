import { Divider, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PLAN_SECTIONS, type SafetyPlanBody } from '../api.ts';

/** A plain, read-only copy of a plan: for printing, and for the on-call team when the person shared it. */
export function PlanView({ plan, printOnly = false }: { plan: SafetyPlanBody; printOnly?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={printOnly ? 'print-only' : undefined}>
      <Stack gap="sm">
        {PLAN_SECTIONS.map((s, i) => (
          <div key={s}>
            <Title order={printOnly ? 2 : 3} size="h5">
              {i + 1}. {t(`safety.plan.sections.${s}.title`)}
            </Title>
            {plan[s].length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('safety.plan.nothingYet')}
              </Text>
            ) : (
              <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
                {plan[s].map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
            {printOnly && <Divider my={4} />}
          </div>
        ))}
      </Stack>
    </div>
  );
}
