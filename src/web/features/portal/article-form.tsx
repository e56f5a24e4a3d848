import { Button, Checkbox, Group, Select, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { ArticleUpdate } from '../../../shared/portal';
import { createPortalArticle, isApiError, updatePortalArticle, type ArticleView } from '../../api';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { RichTextField } from './rich-text-field';
import { usePortalCategories } from './use-portal-categories';

interface Draft {
  categoryId: string | null;
  title: string;
  slug: string;
  lead: string;
  bodyHtml: string;
  author: string;
  source: string;
  tags: string[];
  featured: boolean;
}

function draftOf(article: ArticleView | null): Draft {
  return {
    categoryId: article ? String(article.categoryId) : null,
    title: article?.title ?? '',
    slug: article?.slug ?? '',
    lead: article?.lead ?? '',
    bodyHtml: article?.bodyHtml ?? '',
    author: article?.author ?? '',
    source: article?.source ?? '',
    tags: article?.tags ?? [],
    featured: article?.featured ?? false,
  };
}

/** A refusal because someone saved the article after it was read (the server names the `version` field). */
export function isStaleEdit(error: unknown): boolean {
  return isApiError(error, 'CONFLICT') && error.fields.every((f) => f.field === 'version');
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** What the editor changed, and only that, with the version read: an update changes exactly the fields it is given. */
export function changedFields(before: ArticleView, draft: Draft, bodyTouched: boolean): ArticleUpdate {
  const changes: ArticleUpdate = { version: before.version };
  if (draft.categoryId !== null && Number(draft.categoryId) !== before.categoryId) changes.categoryId = Number(draft.categoryId);
  if (draft.title.trim() !== before.title) changes.title = draft.title.trim();
  if (draft.slug.trim() !== '' && draft.slug.trim() !== before.slug) changes.slug = draft.slug.trim();
  if (draft.lead.trim() !== before.lead) changes.lead = draft.lead.trim();
  if (bodyTouched && draft.bodyHtml !== before.bodyHtml) changes.bodyHtml = draft.bodyHtml;
  if (orNull(draft.author) !== before.author) changes.author = orNull(draft.author);
  if (orNull(draft.source) !== before.source) changes.source = orNull(draft.source);
  if (draft.tags.join('\n') !== before.tags.join('\n')) changes.tags = draft.tags;
  if (draft.featured !== before.featured) changes.featured = draft.featured;
  return changes;
}

/**
 * A new article, or the edit of a draft. An edit sends only the changed fields with the version it read; when
 * someone saved the article in between, the server refuses (409): the form says so and reloads the latest.
 */
export function ArticleForm({ article, onConflict }: { article: ArticleView | null; onConflict?: (message: string) => void }) {
  const categories = usePortalCategories();
  const categoryOptions = useMemo(() => categories.map((c) => ({ value: String(c.id), label: `${c.name} (${c.orgName})` })), [categories]);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(article));
  const [bodyTouched, setBodyTouched] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const save = useMutation({
    mutationFn: () => {
      if (article) return updatePortalArticle(article.id, changedFields(article, draft, bodyTouched));
      return createPortalArticle({
        categoryId: Number(draft.categoryId),
        title: draft.title.trim(),
        slug: orNull(draft.slug) ?? undefined,
        lead: draft.lead.trim(),
        bodyHtml: draft.bodyHtml,
        author: orNull(draft.author),
        source: orNull(draft.source),
        tags: draft.tags,
        featured: draft.featured,
      });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(['portal-article', saved.id], saved);
      void queryClient.invalidateQueries({ queryKey: ['portal-articles'] });
      void navigate(`/tin-bai/${saved.id}`);
    },
    onError: (error) => {
      if (isStaleEdit(error) && article) {
        onConflict?.((error as Error).message);
        void queryClient.invalidateQueries({ queryKey: ['portal-article', article.id] });
      }
    },
  });
  const fieldError = (field: string) => (isApiError(save.error) ? save.error.fields.find((f) => f.field === field)?.message : undefined);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <Stack>
        <SaveErrorAlert error={save.error} />
        <Select
          label="Chuyên mục"
          required
          data={categoryOptions}
          value={draft.categoryId}
          onChange={(value) => set('categoryId', value)}
          error={fieldError('categoryId')}
        />
        <TextInput label="Tiêu đề" required value={draft.title} onChange={(e) => set('title', e.currentTarget.value)} error={fieldError('title')} />
        <TextInput
          label="Đường dẫn"
          description="Để trống: tạo từ tiêu đề (chữ thường không dấu, nối bằng dấu gạch ngang)."
          value={draft.slug}
          onChange={(e) => set('slug', e.currentTarget.value)}
          error={fieldError('slug')}
        />
        <Textarea
          label="Sa-pô (đoạn dẫn)"
          required
          autosize
          minRows={2}
          value={draft.lead}
          onChange={(e) => set('lead', e.currentTarget.value)}
          error={fieldError('lead')}
        />
        <RichTextField
          label="Nội dung bài"
          value={draft.bodyHtml}
          onChange={(html) => {
            setBodyTouched(true);
            set('bodyHtml', html);
          }}
          error={fieldError('bodyHtml')}
          categoryId={draft.categoryId === null ? null : Number(draft.categoryId)}
          articleId={article && String(article.categoryId) === draft.categoryId ? article.id : undefined}
        />
        <Group grow align="flex-start">
          <TextInput label="Tác giả" value={draft.author} onChange={(e) => set('author', e.currentTarget.value)} error={fieldError('author')} />
          <TextInput label="Nguồn" value={draft.source} onChange={(e) => set('source', e.currentTarget.value)} error={fieldError('source')} />
        </Group>
        <TagsInput label="Thẻ" description="Nhấn Enter sau mỗi thẻ." value={draft.tags} onChange={(tags) => set('tags', tags)} error={fieldError('tags')} />
        <Checkbox label="Tin nổi bật (hiện đầu trang chủ)" checked={draft.featured} onChange={(e) => set('featured', e.currentTarget.checked)} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {article ? 'Lưu thay đổi' : 'Lưu bản nháp'}
          </Button>
          <Button variant="default" onClick={() => void navigate(article ? `/tin-bai/${article.id}` : '/tin-bai')}>
            Hủy
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
