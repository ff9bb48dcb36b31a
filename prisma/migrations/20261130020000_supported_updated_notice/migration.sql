-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'SUPPORTED_UPDATED';

