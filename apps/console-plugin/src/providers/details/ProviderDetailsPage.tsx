import type { FC } from 'react';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/PageTitle.tsx';

export const ProviderDetailsPage: FC = () => {
  const { name = '' } = useParams();
  return <PageTitle title={name} />;
};
