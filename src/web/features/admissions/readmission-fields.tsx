import { Alert, Checkbox, Fieldset, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { readmissionConvictionLabels, readmissionConvictions } from '../../../shared/readmission';
import type { ReadmissionView } from '../../../shared/readmission';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { showDate } from '../../format';

/**
 * Kết nạp lại is an admission case: the candidate form opened from a former member's page (`?ketNapLai=<id>`) carries
 * the old record, the province-level standing committee's written consent and the exclusions the file must answer.
 */
export function readmissionDraft(memberId: string): Draft {
  return {
    'readmission.memberId': memberId,
    ...decisionDraft('readmission.consent'),
    'readmission.conviction': 'none',
    'readmission.convictionExpungedOn': null,
    'readmission.familyHardship': false,
    'readmission.seriousDisunity': false,
  };
}

export function readmissionInput(draft: Draft) {
  return {
    memberId: Number(draft['readmission.memberId']),
    consent: decisionInput(draft, 'readmission.consent'),
    conviction: draft['readmission.conviction'] ?? 'none',
    convictionExpungedOn: draft['readmission.conviction'] === 'other' ? (draft['readmission.convictionExpungedOn'] ?? null) : null,
    familyHardship: draft['readmission.familyHardship'] === true,
    seriousDisunity: draft['readmission.seriousDisunity'] === true,
  };
}

export function ReadmissionFields({ form }: { form: ZodForm<unknown> }) {
  return (
    <Fieldset legend="Kết nạp lại">
      <Stack gap="sm">
        <Text size="sm">
          Kết nạp lại làm đủ thủ tục như kết nạp lần đầu (người giới thiệu, chi bộ và cấp ủy biểu quyết, quyết định, lễ kết nạp); chỉ xét sau ít nhất 36 tháng
          kể từ ngày ra khỏi Đảng (60 tháng kể từ ngày được xóa án tích) và phải có văn bản đồng ý của Ban Thường vụ tỉnh ủy, thành ủy.
        </Text>
        <Text size="sm" fw={600}>
          Văn bản đồng ý của Ban Thường vụ tỉnh ủy, thành ủy
        </Text>
        <DecisionFields
          form={form}
          prefix="readmission.consent"
          numberLabel="Số văn bản đồng ý"
          numberPlaceholder="Ví dụ: 125-CV/TU"
          dateLabel="Ngày văn bản đồng ý"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Án tích"
            allowDeselect={false}
            data={readmissionConvictions.map((c) => ({ value: c, label: readmissionConvictionLabels[c] }))}
            {...form.choice('readmission.conviction')}
          />
          {form.draft['readmission.conviction'] === 'other' ? (
            <DateField label="Ngày được xóa án tích" required {...form.date('readmission.convictionExpungedOn')} />
          ) : null}
        </SimpleGrid>
        <Checkbox label="Đã xin ra khỏi Đảng vì hoàn cảnh gia đình đặc biệt khó khăn" {...form.checked('readmission.familyHardship')} />
        <Checkbox label="Đã gây mất đoàn kết nghiêm trọng" {...form.checked('readmission.seriousDisunity')} />
      </Stack>
    </Fieldset>
  );
}

/** On the candidate page: whom the case re-admits, the consent, and what stands in the way today. */
export function ReadmissionPanel({ readmission }: { readmission: ReadmissionView }) {
  return (
    <Alert variant="light" color={readmission.problems.length > 0 ? 'orange' : 'blue'} title="Hồ sơ kết nạp lại" mb="md">
      <Stack gap={4}>
        <Text size="sm">
          Kết nạp lại đồng chí <Link to={`/dang-vien/${readmission.memberId}`}>{readmission.memberName}</Link>
          {readmission.leftOn ? ` (${readmission.leftHow ?? 'ra khỏi Đảng'} ngày ${showDate(readmission.leftOn)})` : ''}.
        </Text>
        <Text size="sm">
          Văn bản đồng ý số {readmission.consent.number} ngày {showDate(readmission.consent.date)} của {readmission.consent.issuer}.
        </Text>
        {readmission.problems.map((problem) => (
          <Text size="sm" c="orange.9" key={problem}>
            {problem}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}
