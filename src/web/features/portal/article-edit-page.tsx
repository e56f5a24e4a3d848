import { Alert } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { editableStatuses } from '../../../shared/portal';
import { getPortalArticle } from '../../api';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { ArticleForm } from './article-form';

export function ArticleCreatePage() {
  return (
    <>
      <PageHeader title="Viết tin mới" subtitle="Bản nháp được lưu lại; gửi duyệt khi đã xong." />
      <ArticleForm article={null} />
    </>
  );
}

/** The edit of a draft; after a refused stale save the latest version is loaded and the refusal stays in view. */
export function ArticleEditPage() {
  const id = Number(useParams().id);
  const [conflict, setConflict] = useState<string | null>(null);
  const query = useQuery({ queryKey: ['portal-article', id], queryFn: ({ signal }) => getPortalArticle(id, signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const article = query.data;
  return (
    <>
      <PageHeader title={`Sửa tin: ${article.title}`} />
      {conflict ? (
        <Alert color="orange" variant="light" role="alert" title="Tin bài vừa được người khác lưu" mb="md" withCloseButton onClose={() => setConflict(null)}>
          {conflict} Bản mới nhất đã được tải lại bên dưới: các thay đổi của bạn chưa được lưu, hãy sửa lại trên bản này.
        </Alert>
      ) : null}
      {editableStatuses.includes(article.status) ? (
        <ArticleForm key={article.version} article={article} onConflict={setConflict} />
      ) : (
        <Alert color="gray" variant="light">
          Chỉ sửa được bản nháp: hãy trả lại hoặc mở lại tin bài để sửa.
        </Alert>
      )}
    </>
  );
}
