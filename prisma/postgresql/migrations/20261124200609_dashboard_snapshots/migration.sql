-- CreateTable
CREATE TABLE "StatSnapshot" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "fans" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "dormant" INTEGER NOT NULL,

    CONSTRAINT "StatSnapshot_pkey" PRIMARY KEY ("shop","day")
);

