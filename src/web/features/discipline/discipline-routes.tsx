import { Route, Routes } from 'react-router-dom';
import { ActionGate } from '../auth/session';
import { NotFoundPage } from '../shell/route-error';
import { AppealsPage } from './appeals-page';
import { SanctionCreatePage } from './sanction-create-page';
import { SanctionPage } from './sanction-page';
import { SanctionsPage } from './sanctions-page';

/** /ky-luat: decisions (drafts for the inspection staff), a proposal, one record with its appeals, the appeals register. */
export function DisciplineRoutes() {
  return (
    <Routes>
      <Route index element={<SanctionsPage />} />
      <Route
        path="moi"
        element={
          <ActionGate action="discipline.record">
            <SanctionCreatePage />
          </ActionGate>
        }
      />
      <Route
        path="khieu-nai"
        element={
          <ActionGate action="discipline.record">
            <AppealsPage />
          </ActionGate>
        }
      />
      <Route path=":id" element={<SanctionPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
