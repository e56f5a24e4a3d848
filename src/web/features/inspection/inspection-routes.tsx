import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../shell/route-error';
import { InspectionCasesPage } from './inspection-cases-page';
import { InspectionCasePage } from './inspection-case-page';
import { InspectionPlansPage } from './inspection-plans-page';
import { DenunciationsPage } from './denunciations-page';

/** Inspection and supervision: cases, plans, the register of denunciations (only for those who may see them). */
export function InspectionRoutes() {
  return (
    <Routes>
      <Route index element={<InspectionCasesPage />} />
      <Route path="chuong-trinh" element={<InspectionPlansPage />} />
      <Route path="don-thu" element={<DenunciationsPage />} />
      <Route path=":id" element={<InspectionCasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
