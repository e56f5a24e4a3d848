import type { FormEvent } from 'react';
import { Alert, Anchor, Badge, Box, Breadcrumbs, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { candidateStateLabels, candidateUpdate, dossierItemLabels, dossierItems, openCandidateStates, unionKindLabels } from '../../../shared/admissions';
import type { CandidateDetail, CandidateState, CandidateStepView, CandidateUpdate } from '../../../shared/admissions';
import { genderLabels, memberStatusLabels } from '../../../shared/member';
import type { MemberStatus } from '../../../shared/member';
import { admissionDecisionUrl, getCandidate, updateCandidate } from '../../api';
import { Fact, FactGrid } from '../../components/fact-list';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { showDate } from '../../format';
import { useCan } from '../auth/session';
import { NotFoundPage } from '../shell/route-error';
import { StepAlert, notifyDone } from './admission-fields';
import { AdmissionStepActions } from './admission-step-forms';
import { CandidateForm, DossierFields, dossierDraft, dossierInput } from './candidate-form';
import { ReadmissionPanel } from './readmission-fields';
import { ProbationPanel } from './probation-panel';

export function useCandidate(id: number) {
  return useQuery({ queryKey: ['candidate', id], queryFn: ({ signal }) => getCandidate(id, signal), enabled: Number.isInteger(id) && id > 0 });
}

export function stateColor(state: CandidateState): string {
  if (state === 'admitted') return 'green';
  if (state === 'rejected' || state === 'withdrawn') return 'gray';
  if (state === 'decided') return 'blue';
  return 'yellow';
}

function Facts({ items }: { items: [string, React.ReactNode][] }) {
  return (
    <FactGrid>
      {items.map(([label, value]) => (
        <Fact key={label} label={label}>
          {value}
        </Fact>
      ))}
    </FactGrid>
  );
}

const stepLabels: Record<CandidateStepView['kind'], string> = {
  created: 'Lập hồ sơ',
  candidate: 'Lập hồ sơ',
  cell_resolved: 'Chi bộ xét, đề nghị kết nạp',
  committee_resolved: 'Đảng ủy cơ sở xét, đề nghị kết nạp',
  decided: 'Quyết định kết nạp',
  admitted: 'Lễ kết nạp',
  rejected: 'Không được kết nạp',
  withdrawn: 'Rút hồ sơ',
  vote_failed: 'Biểu quyết không đạt',
};

function stepDetails(step: CandidateStepView): string {
  const d = step.details as Record<string, unknown>;
  if (step.kind === 'vote_failed')
    return `${d.level === 'committee' ? 'Đảng ủy cơ sở' : 'Chi bộ'}, lần ${String(d.attempt)}: ${String(d.inFavour)}/${String(d.eligible)} tán thành, chưa đạt`;
  if (typeof d.inFavour === 'number') return `${d.inFavour}/${String(d.eligible)} tán thành, ${String(d.against)} không tán thành`;
  if (step.kind === 'decided' && typeof d.receivedOn === 'string') return `Chi bộ nhận ngày ${showDate(d.receivedOn)}`;
  if (step.kind === 'admitted' && typeof d.probationEnd === 'string') return `Dự bị đến ngày ${showDate(d.probationEnd)}`;
  if (typeof d.reason === 'string') return d.reason;
  return '';
}

function Steps({ candidate }: { candidate: CandidateDetail }) {
  return (
    <div className="table-scroll">
      <Table striped verticalSpacing="xs" miw={680}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ngày</Table.Th>
            <Table.Th scope="col">Bước</Table.Th>
            <Table.Th scope="col">Căn cứ</Table.Th>
            <Table.Th scope="col">Ghi chú</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidate.steps.map((step) => (
            <Table.Tr key={step.id}>
              <Table.Td>{showDate(step.occurredOn)}</Table.Td>
              <Table.Td>{stepLabels[step.kind]}</Table.Td>
              <Table.Td>{step.decision ? `Số ${step.decision.number} ngày ${showDate(step.decision.date)} của ${step.decision.issuer}` : '—'}</Table.Td>
              <Table.Td>{stepDetails(step)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** The dossier as a checklist the cell ticks as papers arrive; read-only once the file is closed, and to those who only read. */
function DossierChecklist({ candidate }: { candidate: CandidateDetail }) {
  const queryClient = useQueryClient();
  const canRecord = useCan('admissions.step');
  const editable = canRecord && openCandidateStates.includes(candidate.state);
  const form = useZodForm<CandidateUpdate>({
    initial: dossierDraft(candidate.dossier),
    schema: candidateUpdate,
    toInput: (draft) => ({ version: candidate.version, dossier: dossierInput(draft) }),
  });
  const save = useMutation({
    mutationFn: async () => {
      const input = form.validate();
      return input === null ? null : updateCandidate(candidate.id, input);
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(['candidate', saved.id], saved);
      notifyDone('Đã lưu hồ sơ.');
    },
    onError: (error) => form.applyServerError(error),
  });
  if (!editable)
    return (
      <Stack gap={4}>
        {dossierItems
          .filter((item) => item !== 'youth_union_introduction' || candidate.youthUnionMember || candidate.dossier[item]?.done)
          .map((item) => (
            <Text size="sm" key={item}>
              {candidate.dossier[item]?.done ? '✓' : '✗'} {dossierItemLabels[item]}
              {candidate.dossier[item]?.date ? ` (${showDate(candidate.dossier[item]?.date)})` : ''}
            </Text>
          ))}
      </Stack>
    );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Hồ sơ người vào Đảng">
      <Stack gap="sm">
        <StepAlert error={save.error} form={form as ZodForm<unknown>} />
        <DossierFields form={form as ZodForm<unknown>} youthUnionMember={candidate.youthUnionMember} />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={save.isPending}>
            Lưu hồ sơ
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function CandidatePage() {
  const id = Number(useParams().id);
  const query = useCandidate(id);
  const canRecord = useCan('admissions.step');
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (query.isPending) return <PageLoader label="Đang tải hồ sơ…" />;
  if (query.isError)
    return (
      <>
        <PageHeader title="Hồ sơ người vào Đảng" />
        <ErrorState error={query.error} onRetry={() => query.refetch()} />
      </>
    );
  const c = query.data;
  const open = openCandidateStates.includes(c.state);
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print">
            <Anchor component={Link} to="/ket-nap" size="sm">
              Kết nạp đảng viên
            </Anchor>
            <Text size="sm">{c.fullName}</Text>
          </Breadcrumbs>
        }
        title={c.fullName}
        subtitle={
          <Group gap="xs" component="span">
            <Badge variant="light" color={stateColor(c.state)} radius="sm" tt="none">
              {candidateStateLabels[c.state]}
            </Badge>
            <span>{c.orgName}</span>
          </Group>
        }
        actions={
          <>
            {open && canRecord ? (
              <Button variant="default" component={Link} to={`/ket-nap/${c.id}/sua`}>
                Sửa thông tin
              </Button>
            ) : null}
            {c.state === 'decided' || c.state === 'admitted' ? (
              <Button variant="default" component="a" href={admissionDecisionUrl(c.id)} download>
                Tải quyết định kết nạp (.docx)
              </Button>
            ) : null}
            {c.memberId ? (
              <Button variant="default" component={Link} to={`/dang-vien/${c.memberId}`}>
                Hồ sơ đảng viên
              </Button>
            ) : null}
          </>
        }
      />
      {c.readmission ? <ReadmissionPanel readmission={c.readmission} /> : null}
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-labelledby="next-step-title">
          <Group justify="space-between" align="center">
            <Box>
              <Title order={2} size="h4" id="next-step-title">
                Bước tiếp theo
              </Title>
              <Text size="sm" data-testid="next-step">
                {c.nextStep.label}
              </Text>
            </Box>
            {canRecord ? <AdmissionStepActions candidate={c} /> : null}
          </Group>
          {c.checksToday.length > 0 ? (
            <Alert color="orange" variant="light" mt="sm" title="Nếu chi bộ xét hôm nay, hồ sơ chưa đạt" role="status">
              {c.checksToday.map((check) => (
                <Text size="sm" key={`${check.field}-${check.message}`}>
                  {check.message}
                </Text>
              ))}
            </Alert>
          ) : null}
          {c.referredUpward ? (
            <Alert color="red" variant="light" mt="sm" title="Báo cáo cấp ủy cấp trên" role="status">
              Hồ sơ đã biểu quyết không đạt {c.failedVotes.length} lần: cấp ủy cấp trên xem xét, quyết định.
            </Alert>
          ) : null}
          {c.failedVotes.length > 0 ? (
            <Alert color="gray" variant="light" mt="sm" title="Các lần biểu quyết không đạt">
              {c.failedVotes.map((v) => (
                <Text size="sm" key={`${v.level}-${v.occurredOn}-${v.inFavour}`}>
                  {v.level === 'committee' ? 'Đảng ủy cơ sở' : 'Chi bộ'} ngày {showDate(v.occurredOn)}: {v.inFavour}/{v.eligible} tán thành
                </Text>
              ))}
            </Alert>
          ) : null}
          {c.missingDossier.length > 0 && open ? (
            <Alert color="yellow" variant="light" mt="sm" title="Hồ sơ còn thiếu">
              {c.missingDossier.map((item) => dossierItemLabels[item]).join('; ')}
            </Alert>
          ) : null}
        </Paper>

        {c.memberId ? <ProbationPanel memberId={c.memberId} /> : null}

        <Paper withBorder p="md" component="section" aria-labelledby="conditions-title">
          <Title order={2} size="h4" id="conditions-title" mb="sm">
            Thông tin và điều kiện
          </Title>
          <Facts
            items={[
              ['Giới tính', genderLabels[c.gender]],
              ['Ngày sinh', showDate(c.birthDate)],
              ['Nghề nghiệp, chức vụ', [c.job, c.position].filter(Boolean).join(', ') || '—'],
              [
                'Giấy chứng nhận bồi dưỡng',
                c.awarenessCertificate
                  ? `${c.awarenessCertificate.number ? `Số ${c.awarenessCertificate.number}, ` : ''}cấp ngày ${showDate(c.awarenessCertificate.issuedOn)}`
                  : 'Chưa có',
              ],
              ['Đoàn viên Đoàn TNCS Hồ Chí Minh', c.youthUnionMember ? 'Có' : 'Không'],
              [
                'Nghị quyết giới thiệu của Đoàn thể',
                c.unionResolution
                  ? `${unionKindLabels[c.unionResolution.kind]}: số ${c.unionResolution.decision.number} ngày ${showDate(c.unionResolution.decision.date)}`
                  : '—',
              ],
              [
                'Trình độ trung học cơ sở',
                c.lowerSecondary === null ? 'Chưa ghi' : c.lowerSecondary.kind === 'diploma' ? 'Đã tốt nghiệp' : `Được miễn: ${c.lowerSecondary.ground}`,
              ],
              [
                'Người có quyền biểu quyết hôm nay',
                `${c.cellVoters.eligible}${c.cellVoters.away.length > 0 ? ` (không tính ${c.cellVoters.away.map((v) => v.fullName).join(', ')}: sinh hoạt tạm thời nơi khác)` : ''}`,
              ],
              [
                'Quyết định đặc biệt (trên 60 tuổi)',
                c.specialAgeDecision ? `Số ${c.specialAgeDecision.number} ngày ${showDate(c.specialAgeDecision.date)}` : '—',
              ],
            ]}
          />
          <Title order={3} size="h5" mt="md" mb="xs">
            Người giới thiệu
          </Title>
          {c.introducers.length === 0 ? (
            <Text size="sm" c="dimmed">
              Chưa có người giới thiệu.
            </Text>
          ) : (
            <div className="table-scroll">
              <Table verticalSpacing="xs" miw={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Họ và tên</Table.Th>
                    <Table.Th scope="col">Tình trạng</Table.Th>
                    <Table.Th scope="col">Chi bộ</Table.Th>
                    <Table.Th scope="col">Cùng công tác từ</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.introducers.map((i) => (
                    <Table.Tr key={`${i.memberId}-${i.knownSince}`}>
                      <Table.Td>
                        <Anchor component={Link} to={`/dang-vien/${i.memberId}`} size="sm">
                          {i.fullName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{memberStatusLabels[i.status as MemberStatus] ?? '—'}</Table.Td>
                      <Table.Td>{i.orgName}</Table.Td>
                      <Table.Td>{showDate(i.knownSince)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="dossier-title">
          <Title order={2} size="h4" id="dossier-title" mb="sm">
            Hồ sơ
          </Title>
          <DossierChecklist key={c.version} candidate={c} />
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="steps-title">
          <Title order={2} size="h4" id="steps-title" mb="sm">
            Các bước đã qua
          </Title>
          <Steps candidate={c} />
        </Paper>
      </Stack>
    </>
  );
}

export function CandidateEditPage() {
  const id = Number(useParams().id);
  const query = useCandidate(id);
  if (query.isPending) return <PageLoader label="Đang tải hồ sơ…" />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print">
            <Anchor component={Link} to="/ket-nap" size="sm">
              Kết nạp đảng viên
            </Anchor>
            <Anchor component={Link} to={`/ket-nap/${id}`} size="sm">
              {query.data.fullName}
            </Anchor>
            <Text size="sm">Sửa thông tin</Text>
          </Breadcrumbs>
        }
        title={`Sửa hồ sơ: ${query.data.fullName}`}
      />
      <CandidateForm mode="edit" candidate={query.data} />
    </>
  );
}
