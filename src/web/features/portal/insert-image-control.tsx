import { Button, FileInput, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { RichTextEditor, useRichTextEditorContext } from '@mantine/tiptap';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError, uploadPortalImage } from '../../api';
import { SaveErrorAlert } from '../../components/save-error-alert';

function PhotoIcon() {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true">
      <rect x={3} y={5} width={18} height={14} rx={2} />
      <circle cx={9} cy={10} r={2} />
      <path d="M21 17l-5-5-8 7" />
    </svg>
  );
}

/**
 * "Chèn ảnh": the photo is uploaded for the article's section (the server checks it by content, makes its WebP sizes
 * and refuses it without alt text or caption), then its `<figure>` goes in at the cursor.
 */
export function InsertImageControl({ categoryId, articleId }: { categoryId: number | null; articleId?: number }) {
  const { editor } = useRichTextEditorContext();
  const [opened, setOpened] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [caption, setCaption] = useState('');
  const upload = useMutation({
    mutationFn: () => uploadPortalImage(categoryId!, file!, { alt, caption, articleId }),
    onSuccess: (image) => {
      editor?.chain().focus().insertContent(image.figureHtml).run();
      setOpened(false);
      setFile(null);
      setAlt('');
      setCaption('');
      upload.reset();
    },
  });
  const fieldError = (field: string) => (isApiError(upload.error) ? upload.error.fields.find((f) => f.field === field)?.message : undefined);
  const disabled = categoryId === null;
  return (
    <>
      <RichTextEditor.Control
        onClick={() => setOpened(true)}
        disabled={disabled}
        aria-label={disabled ? 'Chèn ảnh (chọn chuyên mục trước)' : 'Chèn ảnh'}
        title={disabled ? 'Chèn ảnh (chọn chuyên mục trước)' : 'Chèn ảnh'}
      >
        <PhotoIcon />
      </RichTextEditor.Control>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Chèn ảnh vào bài">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            event.stopPropagation();
            upload.mutate();
          }}
        >
          <Stack>
            <SaveErrorAlert error={upload.error} />
            <FileInput
              label="Tệp ảnh"
              description="JPEG, PNG hoặc WebP, tối đa 10 MB; ảnh được tạo các cỡ WebP cho điện thoại và máy tính."
              accept="image/jpeg,image/png,image/webp"
              required
              value={file}
              onChange={setFile}
              error={fieldError('file')}
            />
            <TextInput
              label="Mô tả ảnh (alt)"
              description="Cho người đọc không xem được ảnh: ảnh cho thấy gì."
              required
              value={alt}
              onChange={(e) => setAlt(e.currentTarget.value)}
              error={fieldError('alt')}
            />
            <Textarea
              label="Chú thích ảnh"
              required
              autosize
              minRows={2}
              value={caption}
              onChange={(e) => setCaption(e.currentTarget.value)}
              error={fieldError('caption')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                Hủy
              </Button>
              <Button type="submit" loading={upload.isPending} disabled={file === null}>
                Tải lên và chèn
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
