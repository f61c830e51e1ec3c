-- CreateTable
CREATE TABLE "StatSnapshot" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "fans" INTEGER NOT NULL,
    "active" INTEGER NOT NULL,
    "dormant" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "day")
);

