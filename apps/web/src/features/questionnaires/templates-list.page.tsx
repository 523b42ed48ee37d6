import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TemplateView } from '@telar/domain';
import type { ReactElement } from 'react';
import { questionnaireTemplatesApi } from '../../api/questionnaire-resources';
import { useMeAbilities } from '../../auth/me.hook';
import { Disclosure } from '../../components/disclosure.component';
import { PageHeader } from '../../components/page-header.component';
import { PaginatedTable, type TableColumn } from '../../components/paginated-table.component';
import { QueryContent } from '../../components/query-content.component';
import { formatDateTime, formatNumber, formatRefName } from '../../i18n/format';
import { t } from '../../i18n/translate';
import { XlsFormImportForm } from './questionnaire-uploads.component';
import '../../styles/questionnaires.css';

const columns: TableColumn<TemplateView>[] = [
  {
    header: t('questionnaires.templates.name'),
    isRowHeader: true,
    render: (template) => (
      <Link to="/cuestionarios/plantillas/$templateId" params={{ templateId: template.id }}>
        {template.name}
      </Link>
    ),
  },
  { header: t('questionnaires.exercise.body'), render: (template) => formatRefName(template.body) },
  { header: t('questionnaires.templates.questionCount'), className: 'numeric', render: (template) => formatNumber(template.questionCount) },
  { header: t('questionnaires.templates.exerciseCount'), className: 'numeric', render: (template) => formatNumber(template.exerciseCount) },
  { header: t('questionnaires.templates.version'), className: 'numeric', render: (template) => formatNumber(template.currentVersion) },
  { header: t('questionnaires.templates.updatedAt'), render: (template) => formatDateTime(template.updatedAt) },
];

export function TemplatesListPage(): ReactElement {
  const abilities = useMeAbilities();
  const query = useQuery(questionnaireTemplatesApi.list());
  return (
    <>
      <PageHeader
        title={t('questionnaires.templates.title')}
        trail={[{ label: t('nav.questionnaires'), to: '/cuestionarios' }]}
        actions={
          abilities?.manageAnyBody && (
            <Link to="/cuestionarios/plantillas/nueva" className="button button--primary">
              {t('questionnaires.templates.new')}
            </Link>
          )
        }
      />
      <p>{t('questionnaires.templates.intro')}</p>
      {abilities?.manageAnyBody && (
        <Disclosure summary={t('questionnaires.xlsform.title')}>
          <XlsFormImportForm />
        </Disclosure>
      )}
      <QueryContent query={query}>
        {(templates) => (
          <PaginatedTable caption={t('questionnaires.templates.title')} isCaptionHidden columns={columns} rows={templates} getRowKey={(template) => template.id} emptyText={t('questionnaires.templates.empty')} />
        )}
      </QueryContent>
    </>
  );
}
