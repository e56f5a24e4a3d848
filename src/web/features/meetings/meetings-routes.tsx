import { Route, Routes } from 'react-router-dom';
import { ActionGate } from '../auth/session';
import { NotFoundPage } from '../shell/route-error';
import { CompliancePage } from './compliance-page';
import { MeetingPage } from './meeting-page';
import { MeetingPlanPage } from './meeting-plan-page';
import { MeetingsPage } from './meetings-page';

/** The meetings section: list, plan, one meeting, compliance (one route in the app's router). */
export function MeetingsRoutes() {
  return (
    <Routes>
      <Route index element={<MeetingsPage />} />
      <Route
        path="moi"
        element={
          <ActionGate action="meetings.write">
            <MeetingPlanPage />
          </ActionGate>
        }
      />
      <Route path="tinh-hinh" element={<CompliancePage />} />
      <Route path=":id" element={<MeetingPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
