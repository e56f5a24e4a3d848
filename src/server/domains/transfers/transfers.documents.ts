import { transferLetterDocument, type TransferLetterData } from '../../documents/membership-documents.js';
import { renderPartyDocument } from '../../documents/party-document.js';
import { conflict } from '../../errors.js';
import type { MemberRow } from '../members/members.queries.js';
import type { TransferWithContext } from './transfers.queries.js';
import type { Address } from '../../../shared/member.js';

function originText(address: Address | null): string | undefined {
  if (!address) return undefined;
  if (address.current) return [address.current.commune, address.current.province].filter(Boolean).join(', ') || undefined;
  if (address.old) return [address.old.commune, address.old.district, address.old.province].filter(Boolean).join(', ') || undefined;
  return undefined;
}

/** Giấy giới thiệu sinh hoạt đảng as .docx, from the transfer's stored letter fields. */
export async function renderTransferLetter(input: {
  t: TransferWithContext;
  member: MemberRow;
  issuer: { issuingBody: string; upperBody: string };
}): Promise<Buffer> {
  const { t, member, issuer } = input;
  if (!member.admittedOn) throw conflict('Hồ sơ đảng viên chưa có ngày vào Đảng; hãy bổ sung trước khi in giấy giới thiệu.', 'admittedOn');
  // After a transfer out the record's status is `transferred_out`; the letter states what the member was.
  const status = member.status === 'probationary' || (member.status !== 'full' && !member.confirmedOn) ? 'probationary' : 'full';
  const data: TransferLetterData = {
    issuer: {
      upperBody: issuer.upperBody,
      issuingBody: issuer.issuingBody,
      place: t.place ?? '',
      signer: t.signer ?? { authority: 'T/M Đảng ủy', title: 'Bí thư', name: '' },
    },
    number: t.letterNumber!,
    date: t.letterOn!,
    kind: t.kind,
    member: {
      fullName: member.fullName,
      birthDate: member.birthDate,
      status,
      admittedOn: member.admittedOn,
      confirmedOn: member.confirmedOn,
      placeOfOrigin: originText(member.placeOfOrigin),
    },
    fromOrgName: t.sendingOrgName ?? '',
    toOrgName: t.receivingOrgName ?? t.externalOrgName ?? '',
    cardNumber: t.cardNumber,
    profileNumber: t.profileNumber ?? '',
    cellListNumber: t.cellListNumber ?? '',
    transferRegisterNumber: t.transferRegisterNumber ?? '',
    duesPaidThrough: t.duesPaidThrough!,
    presentBy: t.presentDueOn!,
    temporaryUntil: t.temporaryUntil ?? undefined,
    recipients: ['Như trên', 'Lưu hồ sơ đảng viên'],
  };
  return renderPartyDocument(transferLetterDocument(data));
}
