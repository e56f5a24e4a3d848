import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../shell/route-error';
import { InspectionCasesPage } from './inspection-cases-page';
import { InspectionCasePage } from './inspection-case-page';
import { InspectionPlansPage } from './inspection-plans-page';
import { DenunciationsPage } from './denunciations-page';
import { DenunciationPage } from './denunciation-page';
import { InspectionPlanPage } from './inspection-plan-page';
import { CaseCreatePage } from './case-create-page';
import { ActionGate } from '../auth/session';

/** Inspection and supervision: cases, plans, the register of denunciations (only for those who may see them). */
export function InspectionRoutes() {
  return (
    <Routes>
      <Route index element={<InspectionCasesPage />} />
      <Route path="chuong-trinh" element={<InspectionPlansPage />} />
      <Route path="chuong-trinh/:id" element={<InspectionPlanPage />} />
      <Route path="don-thu" element={<DenunciationsPage />} />
      <Route path="don-thu/:id" element={<DenunciationPage />} />
      <Route
        path="moi"
        element={
          <ActionGate action="inspection.write">
            <CaseCreatePage />
          </ActionGate>
        }
      />
      <Route path=":id" element={<InspectionCasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
