import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { draftPortalArticleFromReport } from '../../api';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { useCan } from '../auth/session';
import { usePortalCategories } from './use-portal-categories';

/**
 * "Soạn tin bài" on the report page: a draft article with the report's figures as sentences (each number as computed,
 * linked to its records), in a section the editor chooses; the editor finishes it in the desk.
 */
export function DraftFromReportButton({ reportId }: { reportId: number }) {
  const canEdit = useCan('portal.edit');
  const categories = usePortalCategories();
  const [opened, setOpened] = useState(false);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const draft = useMutation({
    mutationFn: () => draftPortalArticleFromReport({ reportId, categoryId: Number(categoryId) }),
    onSuccess: (article) => {
      queryClient.setQueryData(['portal-article', article.id], article);
      void queryClient.invalidateQueries({ queryKey: ['portal-articles'] });
      void navigate(`/tin-bai/${article.id}/sua`);
    },
  });
  if (!canEdit || categories.length === 0) return null;
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        Soạn tin bài
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Soạn tin bài từ báo cáo">
        <Stack>
          <Text size="sm">
            Bản nháp có các số liệu chính của báo cáo thành câu, giữ nguyên như đã tính, mỗi số liên kết tới danh sách hồ sơ nguồn. Biên tập viên viết tiếp rồi
            gửi duyệt như mọi tin bài.
          </Text>
          <SaveErrorAlert error={draft.error} />
          <Select
            label="Chuyên mục"
            required
            data={categories.map((c) => ({ value: String(c.id), label: `${c.name} (${c.orgName})` }))}
            value={categoryId}
            onChange={setCategoryId}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              Hủy
            </Button>
            <Button onClick={() => draft.mutate()} loading={draft.isPending} disabled={categoryId === null}>
              Tạo bản nháp
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
