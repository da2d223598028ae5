using 'main.bicep'

param environmentName = 'dev'
param maximumInstanceCount = 10
param logRetentionDays = 30
