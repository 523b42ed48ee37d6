import { zodResolver } from '@hookform/resolvers/zod';
import {
  EVIDENCE_FILE_TYPES,
  EVIDENCE_KINDS,
  EVIDENCE_MAX_BYTES,
  EvidenceUploadSchema,
  FollowUpCreateSchema,
  type EvidenceView,
} from '@telar/domain';
import { useRef } from 'react';
import { Controller } from 'react-hook-form';
import { z } from 'zod';
import { prefixIssuePaths } from '../../api/api-error.util';
import { evidenceApi, followUpsApi, type EvidenceUpload } from '../../api/resources';
import { useAddForm } from '../../api/save-form.hook';
import { ChoiceOptions } from '../../components/choice-options.component';
import { FileInput } from '../../components/file-input.component';
import { FormField, FormFieldset } from '../../components/form-field.component';
import { FormFrame } from '../../components/form-frame.component';
import { dropBlankGroups } from '../../components/form-values.util';
import { StateCheckboxes } from '../../components/state-fields.component';
import { getTodayIso } from '../../i18n/format';
import { t } from '../../i18n/translate';

const ACCEPTED_EXTENSIONS = EVIDENCE_FILE_TYPES.map((type) => `.${type.extension}`);
/** What a stored file can be; "link" is for addresses. */
const FILE_KINDS = EVIDENCE_KINDS.filter((kind) => kind !== 'link');

/** The reason a chosen file would be refused, checked here so it is not sent in vain. */
function findFileProblem(file: File | null): string | undefined {
  if (!file) return t('evidence.fileRequired');
  if (file.size > EVIDENCE_MAX_BYTES) return t('evidence.fileTooLarge');
  if (!ACCEPTED_EXTENSIONS.some((extension) => file.name.toLowerCase().endsWith(extension))) return t('evidence.fileType');
  return undefined;
}

const EvidenceFileSchema = EvidenceUploadSchema.extend({ file: z.instanceof(File).nullable() }).superRefine(({ file }, context) => {
  const problem = findFileProblem(file);
  if (problem) context.addIssue({ code: 'custom', path: ['file'], message: problem });
});

/** The follow-up as the API takes it, plus a file to upload first (POST /api/evidence). */
const FollowUpFormSchema = FollowUpCreateSchema.safeExtend({ upload: EvidenceFileSchema.nullable() });
type FollowUpFormValues = z.input<typeof FollowUpFormSchema>;

const resolveFollowUp = zodResolver(FollowUpFormSchema);
// Both kinds of evidence are optional: blank inputs mean "none", not "one with blank fields".
const resolveFollowUpForm: typeof resolveFollowUp = (values, context, options) => {
  const hasUpload = Boolean(values.upload?.file || values.upload?.title?.trim());
  return resolveFollowUp({ ...dropBlankGroups(values, ['evidence']), upload: hasUpload ? values.upload : null }, context, options);
};

/** What a follow-up is about: an agreement, or a participation that led to none. */
export type FollowUpOwner = { agreementId: string } | { participationId: string };

function buildDefaults(owner: FollowUpOwner): FollowUpFormValues {
  return {
    agreementId: null,
    participationId: null,
    ...owner,
    date: getTodayIso(),
    text: '',
    stateCodes: [],
    evidence: { title: '', url: '' },
    upload: { file: null, title: '', kind: 'other' },
  };
}

/** Uploads a file once: a follow-up refused after its file went up is re-sent with the same stored file. */
function useEvidenceUpload() {
  const last = useRef<{ upload: EvidenceUpload; view: EvidenceView } | null>(null);
  return async (upload: EvidenceUpload): Promise<EvidenceView> => {
    const previous = last.current;
    if (previous && previous.upload.file === upload.file && previous.upload.title === upload.title && previous.upload.kind === upload.kind) return previous.view;
    try {
      const view = await evidenceApi.upload(upload);
      last.current = { upload, view };
      return view;
    } catch (error) {
      // The server names the upload's own fields ("file", "title"); here they sit under "upload".
      throw prefixIssuePaths(error, 'upload');
    }
  };
}

/** Records a follow-up activity, with evidence as a file, an address or both. */
export function FollowUpForm({ owner }: { owner: FollowUpOwner }) {
  const uploadEvidence = useEvidenceUpload();
  const { form, saveState } = useAddForm(resolveFollowUpForm, buildDefaults(owner), async ({ upload, ...followUp }) => {
    const evidenceIds = upload?.file ? [(await uploadEvidence({ ...upload, file: upload.file })).id] : [];
    return followUpsApi.create({ ...followUp, evidenceIds });
  });
  const { register, formState } = form;
  const { errors } = formState;

  return (
    <FormFrame form={form} saveState={saveState} submitLabel={t('followUps.save')} savedText={t('followUps.created')}>
      <FormField label={t('followUps.date')} error={errors.date?.message} isRequired>
        {(control) => <input {...control} {...register('date')} type="date" />}
      </FormField>
      <FormField label={t('followUps.text')} error={errors.text?.message} isRequired>
        {(control) => <textarea {...control} {...register('text')} rows={4} />}
      </FormField>
      <Controller
        control={form.control}
        name="stateCodes"
        render={({ field, fieldState }) => (
          <StateCheckboxes legend={t('followUps.states')} value={field.value ?? []} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <FormFieldset legend={t('followUps.fileLegend')}>
        <FormField label={t('followUps.file')} hint={t('followUps.fileHint')} error={errors.upload?.file?.message}>
          {(control) => <FileInput formControl={form.control} name="upload.file" fieldControl={control} accept={ACCEPTED_EXTENSIONS.join(',')} />}
        </FormField>
        <FormField label={t('followUps.fileTitle')} error={errors.upload?.title?.message}>
          {(control) => <input {...control} {...register('upload.title')} type="text" />}
        </FormField>
        <FormField label={t('evidenceKind.label')} error={errors.upload?.kind?.message}>
          {(control) => (
            <select {...control} {...register('upload.kind')}>
              <ChoiceOptions values={FILE_KINDS} getLabel={(kind) => t(`evidenceKind.${kind}`)} />
            </select>
          )}
        </FormField>
      </FormFieldset>
      <FormFieldset legend={t('followUps.evidenceLegend')}>
        <FormField label={t('followUps.evidenceTitle')} error={errors.evidence?.title?.message}>
          {(control) => <input {...control} {...register('evidence.title')} type="text" />}
        </FormField>
        <FormField label={t('followUps.evidenceUrl')} error={errors.evidence?.url?.message}>
          {(control) => <input {...control} {...register('evidence.url')} type="url" inputMode="url" placeholder="https://" />}
        </FormField>
      </FormFieldset>
    </FormFrame>
  );
}
