import { Route, Routes } from 'react-router-dom';
import { ActionGate } from '../auth/session';
import { NotFoundPage } from '../shell/route-error';
import { ArticleCreatePage, ArticleEditPage } from './article-edit-page';
import { ArticlePage } from './article-page';
import { ArticlesPage } from './articles-page';

/** The editorial desk of the news portal (one route in the app's router). */
export function PortalRoutes() {
  return (
    <Routes>
      <Route index element={<ArticlesPage />} />
      <Route
        path="moi"
        element={
          <ActionGate action="portal.edit">
            <ArticleCreatePage />
          </ActionGate>
        }
      />
      <Route path=":id" element={<ArticlePage />} />
      <Route
        path=":id/sua"
        element={
          <ActionGate action="portal.edit">
            <ArticleEditPage />
          </ActionGate>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
