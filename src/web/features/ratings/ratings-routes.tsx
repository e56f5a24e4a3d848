import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../shell/route-error';
import { RatingRoundsPage } from './rating-rounds-page';
import { RatingRoundPage } from './rating-round-page';

/** The review and rating section: the rounds, and one round with its score sheets and decisions. */
export function RatingsRoutes() {
  return (
    <Routes>
      <Route index element={<RatingRoundsPage />} />
      <Route path=":id" element={<RatingRoundPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
