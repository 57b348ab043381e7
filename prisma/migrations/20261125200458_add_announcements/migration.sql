-- CreateTable
CREATE TABLE "Announcement" (
    "key" TEXT NOT NULL,
    "deliveredAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("key")
);

