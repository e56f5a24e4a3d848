import type { ReactNode } from 'react';
import { Fieldset, Select, SimpleGrid, TextInput } from '@mantine/core';
import { genderLabels, genders, theoryLevelLabels, theoryLevels } from '../../shared/member';
import type { MemberProfileFields } from '../../shared/member';
import { DateField } from './date-field';
import { nullable, textOf } from './use-zod-form';
import type { Draft, ZodForm } from './use-zod-form';

/** The personal record a candidate and a member share; addresses apart, since each form asks for them differently. */
type PersonalRecord = Pick<
  MemberProfileFields,
  'fullName' | 'gender' | 'birthDate' | 'ethnicity' | 'religion' | 'education' | 'professionalQualification' | 'job' | 'position' | 'nationalId'
> & { theoryLevel: string };

export function personalDraft(person?: PersonalRecord): Draft {
  return {
    fullName: person?.fullName ?? '',
    gender: person?.gender ?? null,
    birthDate: person?.birthDate ?? null,
    ethnicity: person?.ethnicity ?? 'Kinh',
    religion: person?.religion ?? 'Không',
    education: person?.education ?? '12/12',
    professionalQualification: person?.professionalQualification ?? '',
    theoryLevel: person?.theoryLevel ?? 'none',
    job: person?.job ?? '',
    position: person?.position ?? '',
    nationalId: person?.nationalId ?? '',
  };
}

export function personalInput(draft: Draft) {
  return {
    fullName: textOf(draft.fullName),
    gender: draft.gender ?? undefined,
    birthDate: draft.birthDate ?? undefined,
    ethnicity: textOf(draft.ethnicity),
    religion: textOf(draft.religion),
    education: textOf(draft.education),
    professionalQualification: textOf(draft.professionalQualification),
    theoryLevel: draft.theoryLevel ?? undefined,
    job: textOf(draft.job),
    position: textOf(draft.position),
    nationalId: nullable(draft.nationalId),
  };
}

/** "Thông tin cá nhân": name, gender, birth date, ethnicity, religion, ID number, then whatever the form adds. */
export function PersonalFields({ form, children }: { form: ZodForm<unknown>; children?: ReactNode }) {
  return (
    <Fieldset legend="Thông tin cá nhân">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput label="Họ và tên" required autoComplete="off" {...form.text('fullName')} />
        <Select label="Giới tính" required data={genders.map((g) => ({ value: g, label: genderLabels[g] }))} {...form.choice('gender')} />
        <DateField label="Ngày sinh" required {...form.date('birthDate')} />
        <TextInput label="Dân tộc" {...form.text('ethnicity')} />
        <TextInput label="Tôn giáo" {...form.text('religion')} />
        <TextInput label="Số CCCD" inputMode="numeric" maxLength={12} {...form.text('nationalId')} />
        {children}
      </SimpleGrid>
    </Fieldset>
  );
}

/** "Trình độ và công tác": schooling, qualification, political theory, job and position. */
export function QualificationFields({ form }: { form: ZodForm<unknown> }) {
  return (
    <Fieldset legend="Trình độ và công tác">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <TextInput label="Giáo dục phổ thông" placeholder="12/12" {...form.text('education')} />
        <TextInput label="Chuyên môn, nghiệp vụ" {...form.text('professionalQualification')} />
        <Select
          label="Lý luận chính trị"
          allowDeselect={false}
          data={theoryLevels.map((level) => ({ value: level, label: theoryLevelLabels[level] }))}
          {...form.choice('theoryLevel')}
        />
        <TextInput label="Nghề nghiệp" {...form.text('job')} />
        <TextInput label="Chức vụ" {...form.text('position')} />
      </SimpleGrid>
    </Fieldset>
  );
}
