import { useState, type FC } from 'react';
import {
  ActionGroup,
  Alert,
  Button,
  FileUpload,
  Form,
  FormGroup,
  FormHelperText,
  HelperText,
  HelperTextItem,
  Progress,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { ProviderModel, type Provider } from '@forklift-console/api';
import { useAccessReview } from '../../../../hooks/useAccessReview.ts';
import { useForkliftTranslation } from '../../../../utils/i18n.ts';
import { useOvaUpload } from '../../hooks/useOvaUpload.ts';
import { ovaFileProblem, uploadPercent } from '../../utils/ova-upload.ts';
import { formatBytes } from '../../../../utils/vm-table.ts';

/** Browse for one .ova and send it into the provider's share, with its progress. */
export const OvaUploadSection: FC<{ provider: Provider }> = ({ provider }) => {
  const { t } = useForkliftTranslation();
  const { name = '', namespace = '' } = provider.metadata ?? {};
  const [file, setFile] = useState<File | undefined>();
  const upload = useOvaUpload(namespace, name);
  // The upload route asks for the same right: writing into the share changes what the provider lists.
  const { allowed: mayUpload } = useAccessReview({
    verb: 'update',
    group: ProviderModel.group,
    resource: ProviderModel.plural,
    namespace,
    name,
  });
  const isForbidden = mayUpload === false;
  const problem = file && ovaFileProblem(file, upload.maxFileBytes, t);
  const percent = upload.progress
    ? uploadPercent(upload.progress.loaded, upload.progress.total)
    : 0;

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    upload.reset();
  };

  return (
    <Stack hasGutter>
      <StackItem>
        <Form onSubmit={(event) => event.preventDefault()}>
          <FormGroup label={t('OVA file')} fieldId="ova-upload-file">
            <FileUpload
              id="ova-upload-file"
              filename={file?.name ?? ''}
              filenamePlaceholder={t('Drag and drop an .ova file or browse for one')}
              browseButtonText={t('Browse')}
              clearButtonText={t('Clear')}
              hideDefaultPreview
              onFileInputChange={(_event, chosen) => choose(chosen)}
              onClearClick={() => choose(undefined)}
              isDisabled={upload.isUploading}
              validated={problem ? 'error' : 'default'}
              dropzoneProps={{
                // Narrows the browse dialog; a file dropped anyway is shown with the reason.
                accept: { 'application/x-tar': ['.ova'] },
                multiple: false,
                onDropRejected: (rejections) => choose(rejections[0]?.file),
              }}
              data-testid="ova-upload-file"
            />
            <FormHelperText>
              <HelperText>
                <HelperTextItem
                  variant={problem ? 'error' : 'default'}
                  data-testid="ova-upload-file-helper"
                >
                  {problem ??
                    (file
                      ? formatBytes(file.size)
                      : t(
                          'The file is checked as it arrives and added to the share only when it is a whole, valid OVA.',
                        ))}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          </FormGroup>
          {upload.progress && (upload.isUploading || upload.uploaded) && (
            <Progress
              value={percent}
              title={
                upload.uploaded
                  ? t('Uploaded')
                  : percent === 100
                    ? t('Checking the file')
                    : t('Uploading')
              }
              label={`${formatBytes(upload.progress.loaded)} / ${formatBytes(upload.progress.total)}`}
              data-testid="ova-upload-progress"
            />
          )}
          {isForbidden && (
            <Alert
              variant="warning"
              isInline
              isPlain
              title={t('You need permission to edit this provider to upload files into its share.')}
              data-testid="ova-upload-forbidden"
            />
          )}
          <ActionGroup>
            <Button
              variant="primary"
              onClick={() => file && upload.upload(file)}
              isDisabled={!file || Boolean(problem) || upload.isUploading || isForbidden}
              isLoading={upload.isUploading}
              data-testid="ova-upload-button"
            >
              {t('Upload')}
            </Button>
            {upload.isUploading && (
              <Button variant="link" onClick={upload.cancel} data-testid="ova-upload-cancel">
                {t('Cancel')}
              </Button>
            )}
          </ActionGroup>
        </Form>
      </StackItem>
      {upload.uploaded && (
        <StackItem>
          <Alert
            variant="success"
            isInline
            title={t('File uploaded')}
            data-testid="ova-upload-success"
          >
            {t(
              '{{name}} ({{size}}) is in the share. Its virtual machines are listed within seconds.',
              {
                name: upload.uploaded.name,
                size: formatBytes(upload.uploaded.size),
              },
            )}
          </Alert>
        </StackItem>
      )}
      {upload.error && (
        <StackItem>
          <Alert
            variant="danger"
            isInline
            title={t('The file was not uploaded')}
            data-testid="ova-upload-error"
          >
            {upload.error.message}
          </Alert>
        </StackItem>
      )}
    </Stack>
  );
};
