import { z } from 'zod';

/** What a stored file may be: checked by its content (magic bytes), never by its name. */
export const storedFileMediaTypes = ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const;
export type StoredFileMediaType = (typeof storedFileMediaTypes)[number];

export const storedFileMediaTypeLabels: Record<StoredFileMediaType, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (.docx)',
};

/** A stored file as lists and records show it (the bytes are downloaded through the owning record's route). */
export const storedFile = z.object({
  id: z.number().int(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.enum(storedFileMediaTypes),
  originalName: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
});
export type StoredFile = z.infer<typeof storedFile>;

/** The query of an upload route: the file itself is the body (application/octet-stream), its name here. */
export const fileUploadQuery = z.object({ filename: z.string().trim().min(1, 'Thiếu tên tệp').max(255) });
